# METADATA
# title: Wildcard verbs
# description: |
#   A rule with "*" in verbs grants every verb on its resources, including
#   delete, deletecollection and the special verbs escalate, bind and impersonate,
#   and any verb a future release adds. Roles should list the verbs they need.
# custom:
#   id: KW-RBAC-002
#   severity: high
#   kinds: [Role, ClusterRole]
#   profiles: [cis, nsa]
#   remediation: Replace "*" in verbs with the verbs the role needs (for example get, list, watch).
#   references:
#     - NSA Authentication and authorization / role-based access control
#     - CIS 5.1.3
#     - KSV-0045
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: config-editor
#       namespace: shop
#     rules:
#       - apiGroups: [""]
#         resources: ["configmaps"]
#         verbs: ["*"]
package kubeward.rules.rbac.wildcard_verbs

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-002", r, "sets verbs to \"*\"", "list the verbs the role needs"),
	"path": array.concat(r.path, ["verbs"]),
} if {
	some r in rbac.reported["RBAC-002"]
}
