# METADATA
# title: Every authenticated user
# description: |
#   Group system:authenticated holds every user and every ServiceAccount of
#   every namespace that authenticates, including workloads an attacker may
#   control. A role bound to it is granted cluster-wide to all of them. Only
#   the built-in discovery roles are meant for it.
# custom:
#   id: KW-RBAC-022
#   severity: high
#   kinds: [RoleBinding, ClusterRoleBinding]
#   profiles: [nsa]
#   remediation: Bind the role to the groups or ServiceAccounts that need it instead of system:authenticated.
#   references:
#     - NSA Authentication and authorization / role-based access control
#     - KSV-01011
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRoleBinding
#     metadata:
#       name: everyone-can-view
#     roleRef:
#       apiGroup: rbac.authorization.k8s.io
#       kind: ClusterRole
#       name: view
#     subjects:
#       - apiGroup: rbac.authorization.k8s.io
#         kind: Group
#         name: system:authenticated
package kubeward.rules.rbac.authenticated_users

import data.kubeward.lib.rbac

# The built-in roles that are meant for every authenticated user.
_discovery := {"system:basic-user", "system:discovery", "system:public-info-viewer"}

deny contains {
	"msg": sprintf("subjects[%d] is %s, which is every user and ServiceAccount that authenticates; bind the role to the groups or ServiceAccounts that need it.", [s.index, s.label]),
	"path": s.path,
} if {
	not input.roleRef.name in _discovery
	some s in rbac.subjects
	s.kind == "Group"
	s.name == "system:authenticated"
}
