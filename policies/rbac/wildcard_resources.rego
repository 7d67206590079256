# METADATA
# title: Wildcard resources
# description: |
#   A rule with "*" in resources grants its verbs on every resource of its API
#   groups, including subresources and resource types added later (custom
#   resources, new built-ins). Roles should list the resources they need.
# custom:
#   id: KW-RBAC-003
#   severity: medium
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Replace "*" in resources with the resources the role needs; "*/scale"-style subresource wildcards are fine.
#   references:
#     - CIS 5.1.3
#     - KSV-0046
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: apps-reader
#       namespace: shop
#     rules:
#       - apiGroups: ["apps"]
#         resources: ["*"]
#         verbs: ["get", "list", "watch"]
package kubeward.rules.rbac.wildcard_resources

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-003", r, "sets resources to \"*\"", "list the resources the role needs"),
	"path": array.concat(r.path, ["resources"]),
} if {
	some r in rbac.reported["RBAC-003"]
}
