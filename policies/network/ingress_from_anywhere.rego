# METADATA
# title: Ingress allowed from anywhere
# description: |
#   A NetworkPolicy ingress rule without peers, or with an ipBlock of every
#   address, lets any pod of the cluster and any host that can route to it
#   connect to the selected pods. It usually undoes the isolation the policy was
#   written for.
# custom:
#   id: KW-NET-003
#   severity: medium
#   kinds: [NetworkPolicy]
#   profiles: []
#   remediation: List in from the pods (podSelector), namespaces (namespaceSelector) or address ranges (ipBlock) that need access.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
#   example: |
#     apiVersion: networking.k8s.io/v1
#     kind: NetworkPolicy
#     metadata:
#       name: web-ingress
#       namespace: shop
#     spec:
#       podSelector:
#         matchLabels: {app: web}
#       ingress:
#         - ports:
#             - port: 8080
package kubeward.rules.network.ingress_from_anywhere

import data.kubeward.lib.network
import data.kubeward.lib.workloads

deny contains {"msg": _msg(rule), "path": rule.path} if {
	input.kind == "NetworkPolicy"
	some rule in network.open_rules(input, "ingress")
}

_msg(rule) := sprintf(
	"NetworkPolicy %q spec.ingress[%d] has no from peers, which allows ingress from any source; list the pods, namespaces or ipBlocks that may connect.",
	[workloads.name(input), rule.path[2]],
) if {
	rule.cidr == ""
} else := sprintf(
	"NetworkPolicy %q spec.ingress[%d].from[%d].ipBlock.cidr is %s, which allows ingress from any address; narrow it to the ranges that need access.",
	[workloads.name(input), rule.path[2], rule.path[4], rule.cidr],
)
