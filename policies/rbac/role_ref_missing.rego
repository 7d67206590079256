# METADATA
# title: roleRef missing
# description: |
#   A binding whose Role or ClusterRole does not exist grants nothing today,
#   but grants whatever a role created later under that name holds: whoever can
#   create roles in the namespace then decides what the subjects get. It is
#   usually a typo or a forgotten manifest. This needs every role in the run,
#   so it only reports with --complete. The roles the API server creates are
#   not expected in the run: the ClusterRoles cluster-admin, admin, edit, view
#   and system:*, and the Roles of bootstrapRoles (such as
#   extension-apiserver-authentication-reader in kube-system).
# custom:
#   id: KW-RBAC-027
#   severity: low
#   kinds: [RoleBinding, ClusterRoleBinding]
#   profiles: []
#   remediation: Add the Role or ClusterRole to the manifests, fix roleRef.name, or delete the binding.
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: RoleBinding
#     metadata:
#       name: deployer
#       namespace: shop
#     roleRef:
#       apiGroup: rbac.authorization.k8s.io
#       kind: Role
#       name: deployer
#     subjects:
#       - kind: ServiceAccount
#         name: ci
package kubeward.rules.rbac.role_ref_missing

import data.kubeward.lib.inventory
import data.kubeward.lib.rbac

# Built-in ClusterRoles the API server creates; they are not expected in the run.
_builtin := {"cluster-admin", "admin", "edit", "view"}

deny contains {
	"msg": sprintf("roleRef names %s %q, which is not in %s; add it, fix roleRef.name, or delete the binding.", [input.roleRef.kind, input.roleRef.name, _where]),
	"path": ["roleRef", "name"],
} if {
	inventory.complete
	rbac.binding_under_review
	is_string(input.roleRef.name)
	_checked
	not rbac.role_of(input)
}

_checked if {
	input.kind == "RoleBinding"
	input.roleRef.kind == "Role"
	not input.roleRef.name in _bootstrap_roles(inventory.namespace_of(input))
}

# The Roles the API server creates in kube-system and kube-public, from data.
_bootstrap_roles(ns) := {n | some n in data.kubeward.config.bootstrapRoles[ns]}

_checked if {
	input.roleRef.kind == "ClusterRole"
	not input.roleRef.name in _builtin
	not startswith(input.roleRef.name, "system:")
}

_where := sprintf("namespace %q of the run", [inventory.namespace_of(input)]) if input.roleRef.kind == "Role"

else := "the run"
