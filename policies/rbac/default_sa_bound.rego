# METADATA
# title: Default ServiceAccount bound
# description: |
#   Every pod that names no ServiceAccount runs as its namespace's default
#   ServiceAccount. Rights bound to it are therefore given to every such pod,
#   including ones deployed later for unrelated purposes. Workloads that need
#   API access should have a ServiceAccount of their own.
# custom:
#   id: KW-RBAC-025
#   severity: medium
#   kinds: [RoleBinding, ClusterRoleBinding]
#   profiles: [cis]
#   remediation: Create a dedicated ServiceAccount for the workload that needs the rights, bind it instead of default, and set serviceAccountName in its pods.
#   references:
#     - CIS 5.1.5
#     - https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: RoleBinding
#     metadata:
#       name: default-config-reader
#       namespace: shop
#     roleRef:
#       apiGroup: rbac.authorization.k8s.io
#       kind: ClusterRole
#       name: view
#     subjects:
#       - kind: ServiceAccount
#         name: default
package kubeward.rules.rbac.default_sa_bound

import data.kubeward.lib.rbac

deny contains {
	"msg": sprintf("subjects[%d] is %s, which every pod of the namespace that names no ServiceAccount runs as; bind a dedicated ServiceAccount instead.", [s.index, s.label]),
	"path": s.path,
} if {
	some s in rbac.subjects
	s.kind == "ServiceAccount"
	s.name == "default"
}
