# METADATA
# title: Liveness probe missing
# description: |
#   Without a liveness probe the kubelet restarts a container only when its
#   process exits, so a deadlocked or hung service keeps running and failing
#   requests. Run-to-completion pods (Jobs, pods that do not restart) and init
#   containers are not expected to have one.
# custom:
#   id: KW-WRK-005
#   severity: low
#   kinds: [Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController]
#   profiles: []
#   remediation: Add a livenessProbe to every container that runs a long-lived process.
#   references:
#     - KL no-liveness-probe
#     - PO livenessProbeMissing
#     - KS C-0056
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: frontend
#     spec:
#       selector:
#         matchLabels: {app: frontend}
#       template:
#         metadata:
#           labels: {app: frontend}
#         spec:
#           containers:
#             - name: frontend
#               image: registry.example.com/shop/frontend:2.9.0
#               ports:
#                 - {name: http, containerPort: 8080}
#               readinessProbe:
#                 httpGet: {path: /ready, port: http}
package kubeward.rules.workload.liveness_probe_missing

import data.kubeward.lib.pods

_kinds := {"Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController"}

deny contains {
	"msg": sprintf("container %q does not set livenessProbe (default: none, a hung process is not restarted); add one.", [c.name]),
	"path": array.concat(c.path, ["livenessProbe"]),
} if {
	input.kind in _kinds
	not _runs_to_completion
	some c in pods.containers
	c.field == "containers"
	object.get(c.container, "livenessProbe", null) == null
}

# A Pod that is not restarted runs to completion: a liveness probe would only kill it.
_runs_to_completion if {
	input.kind == "Pod"
	pods.spec.restartPolicy in {"Never", "OnFailure"}
}
