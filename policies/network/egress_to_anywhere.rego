# METADATA
# title: Egress allowed to anywhere
# description: |
#   A NetworkPolicy egress rule without peers, or with an ipBlock of every
#   address, lets the selected pods connect to any pod of the cluster and any
#   host on the internet. A compromised pod can then reach internal services
#   and exfiltrate data freely.
# custom:
#   id: KW-NET-004
#   severity: low
#   kinds: [NetworkPolicy]
#   profiles: []
#   remediation: List in to the pods (podSelector), namespaces (namespaceSelector) or address ranges (ipBlock) the pods need to reach.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
#   example: |
#     apiVersion: networking.k8s.io/v1
#     kind: NetworkPolicy
#     metadata:
#       name: web-egress
#       namespace: shop
#     spec:
#       podSelector:
#         matchLabels: {app: web}
#       policyTypes: [Egress]
#       egress:
#         - to:
#             - ipBlock:
#                 cidr: 0.0.0.0/0
package kubeward.rules.network.egress_to_anywhere

import data.kubeward.lib.network
import data.kubeward.lib.workloads

deny contains {"msg": _msg(rule), "path": rule.path} if {
	input.kind == "NetworkPolicy"
	some rule in network.open_rules(input, "egress")
}

_msg(rule) := sprintf(
	"NetworkPolicy %q spec.egress[%d] has no to peers, which allows egress to any destination; list the pods, namespaces or ipBlocks the pods need to reach.",
	[workloads.name(input), rule.path[2]],
) if {
	rule.cidr == ""
} else := sprintf(
	"NetworkPolicy %q spec.egress[%d].to[%d].ipBlock.cidr is %s, which allows egress to any address; narrow it to the ranges the pods need to reach.",
	[workloads.name(input), rule.path[2], rule.path[4], rule.cidr],
)
