# METADATA
# title: Create pods
# description: |
#   Whoever can create pods can run them with any ServiceAccount of the
#   namespace and mount its Secrets, so they hold the rights of every
#   ServiceAccount and Secret there; without Pod Security admission they can
#   also start privileged pods and take over the node.
# custom:
#   id: KW-RBAC-012
#   severity: medium
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Remove create on pods; let people deploy through a controller or a CD system whose ServiceAccount holds the right.
#   references:
#     - CIS 5.1.4
#     - KL access-to-create-pods
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: pod-starter
#       namespace: shop
#     rules:
#       - apiGroups: [""]
#         resources: ["pods"]
#         verbs: ["create"]
package kubeward.rules.rbac.create_pods

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-012", r, "lets its holders create pods", "remove create on pods unless the subjects must start pods directly"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-012"]
}
