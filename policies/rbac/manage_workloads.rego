# METADATA
# title: Manage workloads
# description: |
#   Creating or changing Deployments, DaemonSets, StatefulSets, ReplicaSets,
#   Jobs, CronJobs or ReplicationControllers means creating pods through them,
#   with any ServiceAccount and Secret of the namespace.
# custom:
#   id: KW-RBAC-013
#   severity: medium
#   kinds: [Role, ClusterRole]
#   profiles: []
#   remediation: Remove create, update and patch on workload controllers unless the subjects deploy them; prefer a CD system's ServiceAccount.
#   references:
#     - KSV-0048
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: deployer
#       namespace: shop
#     rules:
#       - apiGroups: ["apps"]
#         resources: ["deployments"]
#         verbs: ["patch"]
package kubeward.rules.rbac.manage_workloads

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-013", r, "lets its holders create or change workload controllers", "remove create, update and patch on workloads unless the subjects deploy them"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-013"]
}
