# METADATA
# title: Create SA tokens
# description: |
#   create on serviceaccounts/token mints tokens for any ServiceAccount in its
#   scope (TokenRequest), so the holder gets the rights of all of them.
# custom:
#   id: KW-RBAC-017
#   severity: medium
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Remove create on serviceaccounts/token, or limit it with resourceNames to the ServiceAccounts the subject must act as.
#   references:
#     - CIS 5.1.13
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: token-minter
#       namespace: shop
#     rules:
#       - apiGroups: [""]
#         resources: ["serviceaccounts/token"]
#         verbs: ["create"]
package kubeward.rules.rbac.create_sa_tokens

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-017", r, "lets its holders create ServiceAccount tokens", "remove create on serviceaccounts/token"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-017"]
}
