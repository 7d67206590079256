# METADATA
# title: Unsafe aggregation into built-in roles
# description: |
#   A ClusterRole labelled rbac.authorization.k8s.io/aggregate-to-view, -edit
#   or -admin has its rules copied into the built-in view, edit or admin role,
#   and so granted to everyone those roles are bound to, usually many people.
#   view must stay read-only and never reach Secrets; edit and admin must not
#   gain wildcards, escalate, bind or impersonate.
# custom:
#   id: KW-RBAC-020
#   severity: high
#   kinds: [ClusterRole]
#   profiles: []
#   remediation: Remove the aggregate-to-* label, or move the offending rules to a ClusterRole that is bound explicitly.
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#aggregated-clusterroles
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRole
#     metadata:
#       name: backup-operator-view
#       labels:
#         rbac.authorization.k8s.io/aggregate-to-view: "true"
#     rules:
#       - apiGroups: ["backup.example.com"]
#         resources: ["backups"]
#         verbs: ["get", "list", "watch", "create", "delete"]
package kubeward.rules.rbac.unsafe_aggregation

import data.kubeward.lib.rbac

# The aggregation labels of the built-in user-facing roles.
_builtin := {
	"rbac.authorization.k8s.io/aggregate-to-view": "view",
	"rbac.authorization.k8s.io/aggregate-to-edit": "edit",
	"rbac.authorization.k8s.io/aggregate-to-admin": "admin",
}

# What edit and admin must not gain (they already hold every other right).
_edit_admin_rows := {"RBAC-001", "RBAC-002", "RBAC-009", "RBAC-010", "RBAC-011"}

deny contains {
	"msg": sprintf("label %s=\"true\" adds %s to the built-in %s role, but %s; remove the label or move those rules to a ClusterRole bound explicitly.", [label, concat(", ", [sprintf("rules[%d]", [i]) | some i in bad]), role, _why(role, bad)]),
	"path": ["metadata", "labels"],
} if {
	input.kind == "ClusterRole"
	not rbac.bootstrap(input)
	some label, role in _builtin
	input.metadata.labels[label] == "true"
	bad := sort([i | some i, r in _rules; _unsafe(role, r)])
	count(bad) > 0
}

_rules := input.rules if is_array(input.rules)

else := []

# view: read-only, and never Secrets.
_unsafe("view", r) if count(rbac.strings(r.verbs) - {"get", "list", "watch"}) > 0

_unsafe("view", r) if rbac.grants(r, {"*"}, {"secrets"}, "")

_unsafe(role, r) if {
	role in {"edit", "admin"}
	count(rbac.matching(r) & _edit_admin_rows) > 0
}

_why("view", _) := "view must grant only get, list and watch and no access to secrets"

_why(role, bad) := sprintf("%s must not gain %s", [role, concat(", ", [sprintf("KW-%s", [id]) | some id in sort(_ids(bad))])]) if role != "view"

_ids(bad) := {id |
	some i in bad
	some id in (rbac.matching(_rules[i]) & _edit_admin_rows)
}
