# METADATA
# title: Admission configuration
# description: |
#   Admission webhooks and policies see and can change or block every request
#   they match. Whoever can change them can disable security policies, intercept
#   Secrets sent to the API server or mutate pods into privileged ones.
# custom:
#   id: KW-RBAC-016
#   severity: high
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Grant only get, list and watch on admissionregistration.k8s.io resources, except to the operator that manages them.
#   references:
#     - CIS 5.1.12
#     - KSV-0114
#     - https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRole
#     metadata:
#       name: webhook-manager
#     rules:
#       - apiGroups: ["admissionregistration.k8s.io"]
#         resources: ["validatingwebhookconfigurations"]
#         verbs: ["patch"]
package kubeward.rules.rbac.admission_configuration

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-016", r, "lets its holders change admission webhooks or policies", "grant only get, list and watch on admissionregistration.k8s.io resources"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-016"]
}
