# METADATA
# title: Single replica
# description: |
#   A Deployment or StatefulSet with one replica is down whenever its only pod
#   is: during every rollout of a StatefulSet, every node drain and every crash.
#   Many manifests leave replicas unset, so this is advice only; a workload
#   scaled by a HorizontalPodAutoscaler is not reported.
# custom:
#   id: KW-WRK-008
#   severity: info
#   kinds: [Deployment, StatefulSet]
#   profiles: []
#   remediation: Set spec.replicas to at least 2, or scale the workload with a HorizontalPodAutoscaler.
#   references:
#     - PO deploymentMissingReplicas
#     - cf. KL minimum-three-replicas
#     - https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: admin-ui
#     spec:
#       replicas: 1
#       selector:
#         matchLabels: {app: admin-ui}
#       template:
#         metadata:
#           labels: {app: admin-ui}
#         spec:
#           containers:
#             - name: admin-ui
#               image: registry.example.com/shop/admin-ui:0.8.5
package kubeward.rules.workload.single_replica

import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("%s %q %s; set it to at least 2 or scale it with a HorizontalPodAutoscaler.", [input.kind, workloads.name(input), _found]),
	"path": ["spec", "replicas"],
} if {
	input.kind in {"Deployment", "StatefulSet"}
	workloads.replicas(input) == 1
	not workloads.hpa_targeted(input)
}

_found := "sets spec.replicas=1" if is_number(input.spec.replicas)

else := "does not set spec.replicas (default: 1)"
