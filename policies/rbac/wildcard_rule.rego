# METADATA
# title: Full wildcard rule
# description: |
#   A rule with "*" in verbs, resources and apiGroups grants every action on every
#   object the role reaches, including Secrets, RBAC and (in a ClusterRole) the
#   whole cluster: it is cluster-admin, or namespace-admin, under another name.
#   It also grants every resource type added to the cluster later.
# custom:
#   id: KW-RBAC-001
#   severity: critical
#   kinds: [Role, ClusterRole]
#   profiles: [cis, nsa]
#   remediation: List the API groups, resources and verbs the role needs instead of "*"; bind cluster-admin explicitly where full control is really meant.
#   references:
#     - NSA Authentication and authorization / role-based access control
#     - CIS 5.1.3
#     - KSV-0044
#     - KL wildcard-in-rules
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRole
#     metadata:
#       name: ops-everything
#     rules:
#       - apiGroups: ["*"]
#         resources: ["*"]
#         verbs: ["*"]
package kubeward.rules.rbac.wildcard_rule

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-001", r, "grants every verb on every resource in every API group", "list the API groups, resources and verbs the role needs"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-001"]
}
