# METADATA
# title: Anonymous access
# description: |
#   A binding to User system:anonymous or Group system:unauthenticated grants
#   its role to every request that presents no credentials, that is to anyone
#   who can reach the API server. Only the built-in
#   system:public-info-viewer role (version and health endpoints) is meant
#   for them.
# custom:
#   id: KW-RBAC-021
#   severity: critical
#   kinds: [RoleBinding, ClusterRoleBinding]
#   profiles: [nsa]
#   remediation: Remove the anonymous subject; bind the role to the users, groups or ServiceAccounts that need it.
#   references:
#     - NSA Authentication and authorization / role-based access control
#     - KSV-0122
#     - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRoleBinding
#     metadata:
#       name: public-read
#     roleRef:
#       apiGroup: rbac.authorization.k8s.io
#       kind: ClusterRole
#       name: view
#     subjects:
#       - apiGroup: rbac.authorization.k8s.io
#         kind: Group
#         name: system:unauthenticated
package kubeward.rules.rbac.anonymous_access

import data.kubeward.lib.rbac

_anonymous := {["User", "system:anonymous"], ["Group", "system:unauthenticated"]}

deny contains {
	"msg": sprintf("subjects[%d] is %s, which is every unauthenticated request; remove it and bind the role to the identities that need it.", [s.index, s.label]),
	"path": s.path,
} if {
	not input.roleRef.name == "system:public-info-viewer"
	some s in rbac.subjects
	[s.kind, s.name] in _anonymous
}
