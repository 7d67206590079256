# METADATA
# title: system:masters subject
# description: |
#   Members of Group system:masters bypass authorization entirely: no RBAC
#   rule, webhook or binding removal can restrict them, and their access can
#   only be revoked by rotating the cluster's certificate authority. A binding
#   naming the group signals that credentials for it are being handed out.
# custom:
#   id: KW-RBAC-023
#   severity: critical
#   kinds: [RoleBinding, ClusterRoleBinding]
#   profiles: [cis, nsa]
#   remediation: Remove the system:masters subject; give administrators a group bound to cluster-admin, which RBAC can revoke.
#   references:
#     - NSA Authentication and authorization / role-based access control
#     - CIS 5.1.7
#     - KSV-0123
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRoleBinding
#     metadata:
#       name: break-glass
#     roleRef:
#       apiGroup: rbac.authorization.k8s.io
#       kind: ClusterRole
#       name: view
#     subjects:
#       - apiGroup: rbac.authorization.k8s.io
#         kind: Group
#         name: system:masters
package kubeward.rules.rbac.system_masters

import data.kubeward.lib.rbac

deny contains {
	"msg": sprintf("subjects[%d] is %s, whose members bypass RBAC and cannot be revoked; remove it and bind an ordinary group instead.", [s.index, s.label]),
	"path": s.path,
} if {
	some s in rbac.subjects
	s.kind == "Group"
	s.name == "system:masters"
}
