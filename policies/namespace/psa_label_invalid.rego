# METADATA
# title: Invalid PSA label
# description: |
#   Pod Security Admission rejects nothing when a namespace label has a value
#   it does not know: an invalid enforce level is enforced as restricted, an
#   invalid audit or warn level fails open (privileged: no audit, no
#   warnings), and an invalid version is read as latest. The namespace then
#   behaves differently from what its labels seem to say.
# custom:
#   id: KW-NS-004
#   severity: medium
#   kinds: [Namespace]
#   profiles: []
#   remediation: Use one of privileged, baseline or restricted for the level labels, and latest or v1.<minor> (for example v1.33) for the version labels.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces
#   example: |
#     apiVersion: v1
#     kind: Namespace
#     metadata:
#       name: shop
#       labels:
#         pod-security.kubernetes.io/enforce: restricted
#         pod-security.kubernetes.io/warn: Restricted
package kubeward.rules.namespace.psa_label_invalid

import data.kubeward.lib.namespaces

# What PSA does with an invalid level, per mode (api.PolicyToEvaluate).
_fallback := {
	"enforce": "PSA then enforces restricted",
	"audit": "PSA then audits at privileged, that is nothing",
	"warn": "PSA then warns at privileged, that is never",
}

deny contains {
	"msg": sprintf("label %s is %s, not privileged, baseline or restricted (%s); set a valid level.", [key, json.marshal(value), _fallback[mode]]),
	"path": namespaces.label_path(key),
} if {
	input.kind == "Namespace"
	some mode in namespaces.psa_modes
	key := namespaces.psa_label(mode)
	value := namespaces.labels_of(input)[key]
	not namespaces.valid_level(value)
}

deny contains {
	"msg": sprintf("label %s is %s, not latest or v1.<minor> (PSA then uses latest); set a valid version.", [key, json.marshal(value)]),
	"path": namespaces.label_path(key),
} if {
	input.kind == "Namespace"
	some mode in namespaces.psa_modes
	key := namespaces.psa_version_label(mode)
	value := namespaces.labels_of(input)[key]
	not namespaces.valid_version(value)
}
