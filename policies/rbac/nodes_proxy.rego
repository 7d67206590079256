# METADATA
# title: nodes/proxy
# description: |
#   nodes/proxy reaches the kubelet API through the API server: with it the
#   holder can run commands in every pod of the node (the kubelet's exec and
#   run endpoints), and those requests bypass audit logging and admission
#   control.
# custom:
#   id: KW-RBAC-014
#   severity: high
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Remove nodes/proxy; monitoring agents should read the metrics endpoints they need instead.
#   references:
#     - CIS 5.1.10
#     - KSV-0047
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRole
#     metadata:
#       name: node-metrics
#     rules:
#       - apiGroups: [""]
#         resources: ["nodes/proxy"]
#         verbs: ["get"]
package kubeward.rules.rbac.nodes_proxy

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-014", r, "grants access to nodes/proxy (the kubelet API)", "remove nodes/proxy"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-014"]
}
