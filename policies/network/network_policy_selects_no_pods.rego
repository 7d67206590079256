# METADATA
# title: NetworkPolicy selects no pods
# description: |
#   A NetworkPolicy whose podSelector matches no pod protects nothing, while
#   its author believes some pods are isolated. It is usually a label typo or a
#   policy left behind by a removed workload. This needs the whole namespace in
#   the run, so it only reports with --complete.
# custom:
#   id: KW-NET-013
#   severity: low
#   kinds: [NetworkPolicy]
#   profiles: []
#   remediation: Make spec.podSelector match the labels of the pods to protect, or remove the policy.
#   references:
#     - KL dangling-networkpolicy
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
#   example: |
#     apiVersion: networking.k8s.io/v1
#     kind: NetworkPolicy
#     metadata:
#       name: api-ingress
#       namespace: shop
#     spec:
#       podSelector:
#         matchLabels: {app: api}
#       ingress:
#         - from:
#             - podSelector:
#                 matchLabels: {app: web}
package kubeward.rules.network.network_policy_selects_no_pods

import data.kubeward.lib.inventory
import data.kubeward.lib.network
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("NetworkPolicy %q spec.podSelector %s selects no pods in namespace %q; make it match the labels of the pods to protect, or remove the policy.", [workloads.name(input), json.marshal(selector), namespace]),
	"path": ["spec", "podSelector"],
} if {
	inventory.complete
	input.kind == "NetworkPolicy"
	selector := network.pod_selector(input)
	not network.empty_selector(selector)
	namespace := inventory.namespace_of(input)
	count(inventory.pods_matching(namespace, selector)) == 0
}
