# METADATA
# title: Wildcard apiGroups
# description: |
#   A rule with "*" in apiGroups grants its verbs on resources of that name in
#   every API group, including groups added later by CRDs, which may hold
#   objects more sensitive than the ones the role was written for.
# custom:
#   id: KW-RBAC-004
#   severity: low
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Replace "*" in apiGroups with the API groups of the resources the role needs ("" for the core group).
#   references:
#     - CIS 5.1.3
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: deployment-reader
#       namespace: shop
#     rules:
#       - apiGroups: ["*"]
#         resources: ["deployments"]
#         verbs: ["get", "list"]
package kubeward.rules.rbac.wildcard_api_groups

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-004", r, "sets apiGroups to \"*\"", "list the API groups the role needs"),
	"path": array.concat(r.path, ["apiGroups"]),
} if {
	some r in rbac.reported["RBAC-004"]
}
