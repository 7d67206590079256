# METADATA
# title: cluster-admin bound
# description: |
#   cluster-admin grants every verb on every resource. Bound with a
#   ClusterRoleBinding it is full control of the cluster; with a RoleBinding,
#   full control of the namespace, including its Secrets, RBAC and workloads.
#   Few subjects need it, and none should hold it permanently.
# custom:
#   id: KW-RBAC-024
#   severity: high
#   kinds: [RoleBinding, ClusterRoleBinding]
#   profiles: [cis, nsa]
#   remediation: Bind a role with only the rights the subjects need (admin or edit within a namespace, or a custom role).
#   references:
#     - NSA Authentication and authorization / role-based access control
#     - CIS 5.1.1
#     - KSV-0111
#     - KL cluster-admin-role-binding
#     - PO clusterrolebindingClusterAdmin
#     - PO rolebindingClusterAdminClusterRole
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRoleBinding
#     metadata:
#       name: ci-admin
#     roleRef:
#       apiGroup: rbac.authorization.k8s.io
#       kind: ClusterRole
#       name: cluster-admin
#     subjects:
#       - kind: ServiceAccount
#         name: deployer
#         namespace: ci
package kubeward.rules.rbac.cluster_admin_binding

import data.kubeward.lib.rbac

deny contains {
	"msg": sprintf("roleRef is ClusterRole \"cluster-admin\", which grants every right %s; bind a role with only the rights the subjects need.", [_scope]),
	"path": ["roleRef", "name"],
} if {
	rbac.binding_under_review
	input.roleRef.kind == "ClusterRole"
	input.roleRef.name == "cluster-admin"
}

_scope := sprintf("in namespace %q", [input.metadata.namespace]) if {
	input.kind == "RoleBinding"
	is_string(input.metadata.namespace)
} else := "in the binding's namespace" if {
	input.kind == "RoleBinding"
} else := "in the whole cluster"
