# METADATA
# title: HPA minReplicas < 2
# description: |
#   An autoscaler allowed to scale down to one replica leaves the workload with
#   a single pod whenever load is low, so one crash, eviction or node failure
#   takes the service down until a new pod is ready.
# custom:
#   id: KW-WRK-019
#   severity: low
#   kinds: [HorizontalPodAutoscaler]
#   profiles: []
#   remediation: Set spec.minReplicas to at least 2.
#   references:
#     - PO hpaMinAvailability
#     - cf. KL hpa-minimum-three-replicas
#     - https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
#   example: |
#     apiVersion: autoscaling/v2
#     kind: HorizontalPodAutoscaler
#     metadata:
#       name: checkout
#     spec:
#       scaleTargetRef:
#         apiVersion: apps/v1
#         kind: Deployment
#         name: checkout
#       minReplicas: 1
#       maxReplicas: 10
package kubeward.rules.workload.hpa_min_replicas

import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("HorizontalPodAutoscaler %q %s; set it to at least 2.", [workloads.name(input), found]),
	"path": ["spec", "minReplicas"],
} if {
	input.kind == "HorizontalPodAutoscaler"
	found := _found
}

_found := sprintf("sets spec.minReplicas=%v", [n]) if {
	n := input.spec.minReplicas
	is_number(n)
	n < 2
} else := "does not set spec.minReplicas (default: 1)" if {
	object.get(input, ["spec", "minReplicas"], null) == null
}
