# METADATA
# title: Non-rolling update strategy
# description: |
#   A Deployment with the Recreate strategy stops every pod before it starts
#   the new ones, so each rollout is an outage. A StatefulSet or DaemonSet with
#   OnDelete only updates a pod when someone deletes it, so a new template may
#   never reach the running pods.
# custom:
#   id: KW-WRK-013
#   severity: info
#   kinds: [Deployment, StatefulSet, DaemonSet]
#   profiles: []
#   remediation: Use the RollingUpdate strategy (the default) unless the application cannot run two versions at once.
#   references:
#     - KL no-rolling-update-strategy
#     - https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: scheduler
#     spec:
#       replicas: 2
#       strategy:
#         type: Recreate
#       selector:
#         matchLabels: {app: scheduler}
#       template:
#         metadata:
#           labels: {app: scheduler}
#         spec:
#           containers:
#             - name: scheduler
#               image: registry.example.com/platform/scheduler:1.3.0
package kubeward.rules.workload.non_rolling_update

import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Deployment %q sets spec.strategy.type=\"Recreate\", which stops every pod before starting new ones; use RollingUpdate.", [workloads.name(input)]),
	"path": ["spec", "strategy", "type"],
} if {
	input.kind == "Deployment"
	input.spec.strategy.type == "Recreate"
}

deny contains {
	"msg": sprintf("%s %q sets spec.updateStrategy.type=\"OnDelete\", which updates a pod only when it is deleted by hand; use RollingUpdate.", [input.kind, workloads.name(input)]),
	"path": ["spec", "updateStrategy", "type"],
} if {
	input.kind in {"StatefulSet", "DaemonSet"}
	input.spec.updateStrategy.type == "OnDelete"
}
