# METADATA
# title: Port-forward to pods
# description: |
#   pods/portforward opens a tunnel from the holder's machine to any port of
#   the pod, bypassing Services, Ingresses and NetworkPolicies: internal admin
#   ports and unauthenticated endpoints become reachable.
# custom:
#   id: KW-RBAC-008
#   severity: medium
#   kinds: [Role, ClusterRole]
#   profiles: []
#   remediation: Remove create and get on pods/portforward, or grant them only to a role bound when needed.
#   references:
#     - KS C-0063
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: tunnel
#       namespace: shop
#     rules:
#       - apiGroups: [""]
#         resources: ["pods/portforward"]
#         verbs: ["create"]
package kubeward.rules.rbac.pods_port_forward

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-008", r, "lets its holders port-forward to pods", "remove create and get on pods/portforward"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-008"]
}
