# METADATA
# title: Namespace enforces privileged
# description: |
#   pod-security.kubernetes.io/enforce=privileged turns Pod Security admission
#   off for the namespace: pods there may be privileged, use host namespaces
#   and mount the node's filesystem. Only namespaces of trusted
#   infrastructure components should need it.
# custom:
#   id: KW-NS-005
#   severity: medium
#   kinds: [Namespace]
#   profiles: [cis, nsa]
#   remediation: Set pod-security.kubernetes.io/enforce to baseline or restricted; move the components that need privileges to a dedicated namespace.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - CIS 5.2.1
#     - https://kubernetes.io/docs/concepts/security/pod-security-admission/
#   example: |
#     apiVersion: v1
#     kind: Namespace
#     metadata:
#       name: shop
#       labels:
#         pod-security.kubernetes.io/enforce: privileged
package kubeward.rules.namespace.psa_privileged

import data.kubeward.lib.namespaces

deny contains {
	"msg": "label pod-security.kubernetes.io/enforce is \"privileged\", which enforces nothing; set it to restricted or baseline.",
	"path": namespaces.label_path(namespaces.psa_label("enforce")),
} if {
	input.kind == "Namespace"
	not namespaces.is_system(namespaces.name)
	namespaces.psa_level(input, "enforce") == "privileged"
}
