# METADATA
# title: Impersonation
# description: |
#   The impersonate verb lets the holder act as another user, group or
#   ServiceAccount (or set their UID and extra attributes), with all of that
#   identity's rights: impersonating system:masters or an admin is full control
#   of the cluster.
# custom:
#   id: KW-RBAC-011
#   severity: critical
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Remove impersonate on users, groups, serviceaccounts, uids and userextras, or keep it in a role reserved for administrators.
#   references:
#     - CIS 5.1.8
#     - KSV-0043
#     - KS C-0065
#     - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRole
#     metadata:
#       name: impersonator
#     rules:
#       - apiGroups: [""]
#         resources: ["users"]
#         verbs: ["impersonate"]
package kubeward.rules.rbac.impersonation

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-011", r, "grants the impersonate verb on identities", "remove impersonate"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-011"]
}
