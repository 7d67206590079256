# METADATA
# title: No restricted audit/warn
# description: |
#   A namespace that enforces baseline but neither audits nor warns at
#   restricted gives no signal about the gap to restricted: nobody learns
#   which workloads would break, so the namespace never moves up. Audit and
#   warn at restricted cost nothing and reject nothing.
# custom:
#   id: KW-NS-006
#   severity: info
#   kinds: [Namespace]
#   profiles: []
#   remediation: Add pod-security.kubernetes.io/warn=restricted and pod-security.kubernetes.io/audit=restricted next to enforce=baseline.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/
#   example: |
#     apiVersion: v1
#     kind: Namespace
#     metadata:
#       name: shop
#       labels:
#         pod-security.kubernetes.io/enforce: baseline
package kubeward.rules.namespace.psa_no_restricted_audit

import data.kubeward.lib.namespaces

deny contains {
	"msg": "the Namespace enforces baseline but neither pod-security.kubernetes.io/audit nor pod-security.kubernetes.io/warn is restricted (default: no restricted audit or warnings); set them to restricted.",
	"path": ["metadata", "labels"],
} if {
	input.kind == "Namespace"
	not namespaces.is_system(namespaces.name)
	namespaces.psa_level(input, "enforce") == "baseline"
	not _restricted_signal
}

_restricted_signal if {
	some mode in ["audit", "warn"]
	namespaces.psa_level(input, mode) == "restricted"
}
