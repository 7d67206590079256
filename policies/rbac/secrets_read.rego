# METADATA
# title: Reads Secrets
# description: |
#   get, list or watch on secrets reveals every credential in their scope,
#   including ServiceAccount tokens, which often carry more rights than the role
#   itself: reading Secrets is a common path to privilege escalation. list and
#   watch return the Secrets' contents too.
# custom:
#   id: KW-RBAC-005
#   severity: high
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Limit the rule to the Secrets the subject needs with resourceNames, or remove get, list and watch on secrets.
#   references:
#     - CIS 5.1.2
#     - KSV-0041
#     - KSV-0113
#     - KL access-to-secrets
#     - KS C-0015
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: secret-reader
#       namespace: shop
#     rules:
#       - apiGroups: [""]
#         resources: ["secrets"]
#         verbs: ["get", "list"]
package kubeward.rules.rbac.secrets_read

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-005", r, "lets its holders read Secrets", "limit it to named Secrets with resourceNames, or remove get, list and watch on secrets"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-005"]
}
