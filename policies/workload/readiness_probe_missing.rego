# METADATA
# title: Readiness probe missing
# description: |
#   Without a readiness probe a pod receives Service traffic as soon as its
#   containers start, before the application can answer, and keeps receiving
#   it while it is overloaded. Rolling updates then also proceed without
#   knowing whether the new pods work.
# custom:
#   id: KW-WRK-006
#   severity: low
#   kinds: [Deployment, ReplicaSet, StatefulSet, ReplicationController]
#   profiles: []
#   remediation: Add a readinessProbe to every container that serves traffic.
#   references:
#     - KL no-readiness-probe
#     - PO readinessProbeMissing
#     - KS C-0018
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#   example: |
#     apiVersion: apps/v1
#     kind: StatefulSet
#     metadata:
#       name: rabbitmq
#     spec:
#       serviceName: rabbitmq
#       selector:
#         matchLabels: {app: rabbitmq}
#       template:
#         metadata:
#           labels: {app: rabbitmq}
#         spec:
#           containers:
#             - name: rabbitmq
#               image: registry.example.com/messaging/rabbitmq:3.13.3
#               ports:
#                 - {name: amqp, containerPort: 5672}
#               livenessProbe:
#                 tcpSocket: {port: amqp}
package kubeward.rules.workload.readiness_probe_missing

import data.kubeward.lib.pods

_kinds := {"Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"}

deny contains {
	"msg": sprintf("container %q does not set readinessProbe (default: none, the pod gets traffic as soon as it starts); add one.", [c.name]),
	"path": array.concat(c.path, ["readinessProbe"]),
} if {
	input.kind in _kinds
	some c in pods.containers
	c.field == "containers"
	object.get(c.container, "readinessProbe", null) == null
}
