# METADATA
# title: All service accounts bound
# description: |
#   Group system:serviceaccounts holds every ServiceAccount of the cluster, and
#   system:serviceaccounts:<namespace> every ServiceAccount of a namespace. A
#   role bound to them is given to every pod there, including the default
#   ServiceAccount and any workload deployed later.
# custom:
#   id: KW-RBAC-026
#   severity: high
#   kinds: [RoleBinding, ClusterRoleBinding]
#   profiles: []
#   remediation: Bind the role to the ServiceAccounts that need it, one subject each.
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: RoleBinding
#     metadata:
#       name: all-pods-edit
#       namespace: shop
#     roleRef:
#       apiGroup: rbac.authorization.k8s.io
#       kind: ClusterRole
#       name: edit
#     subjects:
#       - apiGroup: rbac.authorization.k8s.io
#         kind: Group
#         name: system:serviceaccounts:shop
package kubeward.rules.rbac.all_service_accounts

import data.kubeward.lib.rbac

deny contains {
	"msg": sprintf("subjects[%d] is %s, which is every ServiceAccount %s; bind the ServiceAccounts that need the role instead.", [s.index, s.label, scope]),
	"path": s.path,
} if {
	some s in rbac.subjects
	s.kind == "Group"
	scope := _scope(s.name)
}

_scope("system:serviceaccounts") := "of the cluster"

_scope(name) := sprintf("of namespace %q", [ns]) if {
	startswith(name, "system:serviceaccounts:")
	ns := substring(name, count("system:serviceaccounts:"), -1)
	ns != ""
}
