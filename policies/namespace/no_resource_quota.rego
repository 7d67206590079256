# METADATA
# title: No ResourceQuota
# description: |
#   Without a ResourceQuota a namespace can consume the whole cluster's CPU,
#   memory, storage and object counts, so one runaway or compromised
#   application starves the others. This needs every object of the namespace
#   in the run, so it only reports with --complete.
# custom:
#   id: KW-NS-007
#   severity: low
#   kinds: [Namespace]
#   profiles: [nsa]
#   remediation: Add a ResourceQuota to the namespace that caps requests, limits and object counts.
#   references:
#     - NSA Network separation / resource policies
#     - KSV-0040
#     - https://kubernetes.io/docs/concepts/policy/resource-quotas/
#   example: |
#     apiVersion: v1
#     kind: Namespace
#     metadata:
#       name: shop
#       labels:
#         pod-security.kubernetes.io/enforce: restricted
package kubeward.rules.namespace.no_resource_quota

import data.kubeward.lib.inventory
import data.kubeward.lib.namespaces

deny contains {
	"msg": sprintf("namespace %q has no ResourceQuota in the run; add one that caps its resources.", [namespaces.name]),
	"path": ["metadata", "name"],
} if {
	inventory.complete
	input.kind == "Namespace"
	namespaces.name != ""
	not namespaces.is_system(namespaces.name)
	count(inventory.objects(namespaces.name, "ResourceQuota")) == 0
}
