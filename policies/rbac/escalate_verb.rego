# METADATA
# title: escalate verb
# description: |
#   The escalate verb on roles or clusterroles lets the holder create or edit a
#   role with rights it does not have itself, bypassing RBAC's escalation
#   check: with write access to a role bound to it, it can grant itself
#   anything.
# custom:
#   id: KW-RBAC-009
#   severity: critical
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Remove escalate on roles and clusterroles.
#   references:
#     - CIS 5.1.8
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRole
#     metadata:
#       name: role-manager
#     rules:
#       - apiGroups: ["rbac.authorization.k8s.io"]
#         resources: ["clusterroles"]
#         verbs: ["escalate"]
package kubeward.rules.rbac.escalate_verb

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-009", r, "grants the escalate verb on roles or clusterroles", "remove escalate"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-009"]
}
