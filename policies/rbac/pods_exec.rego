# METADATA
# title: Exec into pods
# description: |
#   pods/exec runs commands inside the pod's containers: the holder gets the
#   containers' files, environment, mounted Secrets and ServiceAccount token.
#   create is the verb; get still works through the WebSocket upgrade on older
#   API servers, so both are dangerous.
# custom:
#   id: KW-RBAC-006
#   severity: high
#   kinds: [Role, ClusterRole]
#   profiles: []
#   remediation: Remove create and get on pods/exec, or keep them in a break-glass role bound only when needed.
#   references:
#     - KSV-0053
#     - PO clusterrolePodExecAttach
#     - PO rolePodExecAttach
#     - KS C-0002
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: debugger
#       namespace: shop
#     rules:
#       - apiGroups: [""]
#         resources: ["pods/exec"]
#         verbs: ["create"]
package kubeward.rules.rbac.pods_exec

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-006", r, "lets its holders exec into pods", "remove create and get on pods/exec"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-006"]
}
