# METADATA
# title: Manage RBAC objects
# description: |
#   Whoever can create or change roles and bindings manages access control.
#   RBAC's escalation check stops them granting rights they lack, but they can
#   hand their own rights to anyone and, combined with any other gap, widen
#   them.
# custom:
#   id: KW-RBAC-019
#   severity: high
#   kinds: [Role, ClusterRole]
#   profiles: []
#   remediation: Remove create, update and patch on roles, clusterroles, rolebindings and clusterrolebindings unless the subject administers access.
#   references:
#     - KSV-0050
#     - KSV-0055
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: access-admin
#       namespace: shop
#     rules:
#       - apiGroups: ["rbac.authorization.k8s.io"]
#         resources: ["rolebindings"]
#         verbs: ["create"]
package kubeward.rules.rbac.manage_rbac

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-019", r, "lets its holders create or change RBAC roles and bindings", "remove create, update and patch on RBAC objects unless the subjects administer access"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-019"]
}
