# METADATA
# title: Ingress from every namespace
# description: |
#   A peer with an empty namespaceSelector and no podSelector admits every pod
#   of every namespace, including namespaces created later by other teams. It is
#   a common mistake when the intent was to admit one namespace.
# custom:
#   id: KW-NET-005
#   severity: low
#   kinds: [NetworkPolicy]
#   profiles: []
#   remediation: Give the namespaceSelector labels of the namespaces that need access (e.g. kubernetes.io/metadata.name), or add a podSelector.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
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
#             - namespaceSelector: {}
package kubeward.rules.network.ingress_from_all_namespaces

import data.kubeward.lib.network
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf(
		"NetworkPolicy %q spec.ingress[%d].from[%d] has an empty namespaceSelector and no podSelector, which admits every pod of every namespace; give the namespaceSelector the labels of the namespaces that need access.",
		[workloads.name(input), i, j],
	),
	"path": ["spec", "ingress", i, "from", j, "namespaceSelector"],
} if {
	input.kind == "NetworkPolicy"
	"Ingress" in network.policy_types(input)
	some i, rule in input.spec.ingress
	some j, peer in rule.from
	network.empty_selector(peer.namespaceSelector)
	not _pods_narrowed(peer)
}

# An empty podSelector next to a namespaceSelector admits every pod of the
# selected namespaces: it narrows nothing.
_pods_narrowed(peer) if {
	sel := peer.podSelector
	sel != null
	not network.empty_selector(sel)
}
