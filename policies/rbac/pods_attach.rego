# METADATA
# title: Attach to pods
# description: |
#   pods/attach connects to the standard streams of a running container: the
#   holder can read its output and type into an interactive process such as a
#   shell, with the container's identity and access.
# custom:
#   id: KW-RBAC-007
#   severity: high
#   kinds: [Role, ClusterRole]
#   profiles: []
#   remediation: Remove create and get on pods/attach, or keep them in a break-glass role bound only when needed.
#   references:
#     - KSV-0054
#     - PO clusterrolePodExecAttach
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: attacher
#       namespace: shop
#     rules:
#       - apiGroups: [""]
#         resources: ["pods/attach"]
#         verbs: ["create"]
package kubeward.rules.rbac.pods_attach

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-007", r, "lets its holders attach to running containers", "remove create and get on pods/attach"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-007"]
}
