# METADATA
# title: No PSA enforce label
# description: |
#   Pod Security Admission enforces a Pod Security Standards level on a
#   namespace through its pod-security.kubernetes.io/enforce label. Without
#   it the cluster-wide default applies, which is privileged (nothing
#   enforced) unless the API server's admission configuration says otherwise.
# custom:
#   id: KW-NS-003
#   severity: medium
#   kinds: [Namespace]
#   profiles: [cis, nsa]
#   remediation: Label the namespace pod-security.kubernetes.io/enforce=restricted, or baseline where restricted is not yet possible.
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
#         team: payments
package kubeward.rules.namespace.psa_enforce_missing

import data.kubeward.lib.namespaces

deny contains {
	"msg": "the Namespace has no pod-security.kubernetes.io/enforce label (default: the admission configuration's default, privileged unless set); set it to restricted or baseline.",
	"path": namespaces.label_path(namespaces.psa_label("enforce")),
} if {
	input.kind == "Namespace"
	not namespaces.is_system(namespaces.name)
	not namespaces.psa_level(input, "enforce")
}
