# METADATA
# title: bind verb
# description: |
#   The bind verb on roles or clusterroles lets the holder create bindings to
#   roles with rights it does not have itself, bypassing RBAC's escalation
#   check: it can bind cluster-admin to its own account. resourceNames only
#   narrows which roles can be bound.
# custom:
#   id: KW-RBAC-010
#   severity: critical
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Remove bind on roles and clusterroles, or keep it in a role reserved for administrators.
#   references:
#     - CIS 5.1.8
#     - KSV-0051
#     - KSV-0052
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: binder
#       namespace: shop
#     rules:
#       - apiGroups: ["rbac.authorization.k8s.io"]
#         resources: ["roles"]
#         verbs: ["bind"]
package kubeward.rules.rbac.bind_verb

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-010", r, "grants the bind verb on roles or clusterroles", "remove bind"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-010"]
}
