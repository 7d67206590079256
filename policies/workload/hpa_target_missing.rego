# METADATA
# title: HPA target missing
# description: |
#   An autoscaler whose scaleTargetRef names no object in its namespace scales
#   nothing; the workload it was meant for runs at a fixed size. It is usually
#   a renamed workload or a wrong kind. This needs the whole namespace in the
#   run, so it only reports with --complete.
# custom:
#   id: KW-WRK-020
#   severity: low
#   kinds: [HorizontalPodAutoscaler]
#   profiles: []
#   remediation: Point spec.scaleTargetRef at the workload to scale (kind and name, same namespace), or remove the autoscaler.
#   references:
#     - KL dangling-horizontalpodautoscaler
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
#       minReplicas: 2
#       maxReplicas: 10
#     ---
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: checkout-api
#     spec:
#       selector:
#         matchLabels: {app: checkout-api}
#       template:
#         metadata:
#           labels: {app: checkout-api}
#         spec:
#           containers:
#             - name: checkout
#               image: registry.example.com/shop/checkout:4.2.0
package kubeward.rules.workload.hpa_target_missing

import data.kubeward.lib.inventory
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("HorizontalPodAutoscaler %q targets %s %q (spec.scaleTargetRef), which is not in namespace %q; fix the reference or remove the autoscaler.", [workloads.name(input), kind, name, namespace]),
	"path": ["spec", "scaleTargetRef", "name"],
} if {
	inventory.complete
	input.kind == "HorizontalPodAutoscaler"
	kind := input.spec.scaleTargetRef.kind
	name := input.spec.scaleTargetRef.name
	is_string(kind)
	is_string(name)
	namespace := inventory.namespace_of(input)
	not inventory.has(namespace, kind, name)
}
