# METADATA
# title: Namespace without NetworkPolicy
# description: |
#   Without any NetworkPolicy, every pod of a namespace accepts traffic from
#   every pod of the cluster and may connect anywhere, so one compromised pod
#   can reach all the others. A default-deny policy per namespace is the base
#   of network segmentation. This needs the whole namespace in the run, so it
#   only reports with --complete.
# custom:
#   id: KW-NET-001
#   severity: medium
#   kinds: [Namespace]
#   profiles: [cis, nsa]
#   remediation: Add a NetworkPolicy to the namespace, starting with a default deny (podSelector {} and policyTypes Ingress and Egress), then allow the traffic its pods need.
#   references:
#     - NSA Network separation / network policies
#     - CIS 5.3.2
#     - KSV-0038
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies
#   example: |
#     apiVersion: v1
#     kind: Namespace
#     metadata:
#       name: shop
package kubeward.rules.network.namespace_without_network_policy

import data.kubeward.lib.inventory

# The control plane's own namespaces, which clusters do not segment with NetworkPolicies.
_system := {"kube-system", "kube-public", "kube-node-lease"}

deny contains {
	"msg": sprintf("namespace %q has no NetworkPolicy; add one, starting with a default deny for all its pods.", [name]),
	"path": ["metadata", "name"],
} if {
	inventory.complete
	input.kind == "Namespace"
	name := input.metadata.name
	is_string(name)
	not name in _system
	count(inventory.objects(name, "NetworkPolicy")) == 0
}
