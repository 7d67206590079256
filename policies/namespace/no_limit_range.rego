# METADATA
# title: No LimitRange
# description: |
#   A LimitRange gives containers that set no requests or limits sensible
#   defaults and caps what one container may ask for. Without one, such
#   containers are scheduled as if they needed nothing and can use a whole
#   node. This needs every object of the namespace in the run, so it only
#   reports with --complete.
# custom:
#   id: KW-NS-008
#   severity: low
#   kinds: [Namespace]
#   profiles: [nsa]
#   remediation: Add a LimitRange to the namespace with default requests and limits for containers.
#   references:
#     - NSA Network separation / resource policies
#     - KSV-0039
#     - https://kubernetes.io/docs/concepts/policy/limit-range/
#   example: |
#     apiVersion: v1
#     kind: Namespace
#     metadata:
#       name: shop
#       labels:
#         pod-security.kubernetes.io/enforce: restricted
package kubeward.rules.namespace.no_limit_range

import data.kubeward.lib.inventory
import data.kubeward.lib.namespaces

deny contains {
	"msg": sprintf("namespace %q has no LimitRange in the run; add one with default container requests and limits.", [namespaces.name]),
	"path": ["metadata", "name"],
} if {
	inventory.complete
	input.kind == "Namespace"
	namespaces.name != ""
	not namespaces.is_system(namespaces.name)
	count(inventory.objects(namespaces.name, "LimitRange")) == 0
}
