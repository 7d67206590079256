# METADATA
# title: Binding grants a dangerous right
# description: |
#   Who can do what is decided by bindings: a dangerous rule in a role matters
#   because of the subjects bound to it. This reports each binding whose role,
#   with its aggregationRule resolved over the run, grants a right of
#   KW-RBAC-001, KW-RBAC-005 to KW-RBAC-011, KW-RBAC-014 to KW-RBAC-016 or
#   KW-RBAC-019, naming the subjects, the rights, and the source role an
#   aggregated ClusterRole takes each right from.
# custom:
#   id: KW-RBAC-028
#   severity: medium
#   kinds: [RoleBinding, ClusterRoleBinding]
#   profiles: []
#   remediation: Bind a role without these rights, or remove the subjects that do not need them; check the source roles an aggregated ClusterRole collects.
#   references:
#     - KS C-0015
#     - KS C-0035
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: config-reader
#       namespace: shop
#     rules:
#       - apiGroups: [""]
#         resources: ["configmaps", "secrets"]
#         verbs: ["get", "list"]
#     ---
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: RoleBinding
#     metadata:
#       name: web-config-reader
#       namespace: shop
#     roleRef:
#       apiGroup: rbac.authorization.k8s.io
#       kind: Role
#       name: config-reader
#     subjects:
#       - kind: ServiceAccount
#         name: web
package kubeward.rules.rbac.dangerous_binding

import data.kubeward.lib.rbac

# The rows whose rights this rule reports, with how the message names them.
_rights := {
	"RBAC-001": "every verb on every resource",
	"RBAC-005": "reads Secrets",
	"RBAC-006": "exec into pods",
	"RBAC-007": "attach to pods",
	"RBAC-008": "port-forward to pods",
	"RBAC-009": "escalate",
	"RBAC-010": "bind",
	"RBAC-011": "impersonate",
	"RBAC-014": "nodes/proxy",
	"RBAC-015": "approve CSRs",
	"RBAC-016": "change admission configuration",
	"RBAC-019": "manage RBAC objects",
}

deny contains {
	"msg": sprintf("roleRef %s %q gives %s dangerous rights: %s; bind a role without these rights, or remove the subjects that do not need them.", [input.roleRef.kind, input.roleRef.name, _subjects, _described]),
	"path": ["roleRef", "name"],
} if {
	rbac.binding_under_review
	not _cluster_admin
	count(_found) > 0
	count(rbac.subjects) > 0
}

# cluster-admin is KW-RBAC-024's.
_cluster_admin if {
	input.roleRef.kind == "ClusterRole"
	input.roleRef.name == "cluster-admin"
}

# _found holds [row id, name of the role whose rule grants it] (a full
# wildcard rule counts as KW-RBAC-001 alone).
_found contains [id, e.name] if {
	some e in rbac.effective_rules(input)
	some id in rbac.matching(e.rule)
	_rights[id]
}

# The subjects in the binding's order.
_subjects := concat(", ", [x[1] | some x in sort([[s.index, s.label] | some s in rbac.subjects])])

_described := concat(", ", [_describe(id) | some id in sort({id | some [id, _] in _found})])

_describe(id) := sprintf("KW-%s (%s)", [id, _rights[id]]) if {
	count(_via(id)) == 0
} else := sprintf("KW-%s (%s, from ClusterRole %s)", [id, _rights[id], concat(", ", [sprintf("%q", [n]) | some n in sort(_via(id))])])

# _via(id) names the source roles of an aggregated ClusterRole that grant id.
_via(id) := {x[1] |
	some x in _found
	x[0] == id
	x[1] != input.roleRef.name
}
