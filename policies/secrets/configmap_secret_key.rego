# METADATA
# title: Secret-like key in ConfigMap
# description: |
#   ConfigMaps are meant for non-confidential settings: they are not encrypted
#   at rest, are readable by far more roles than Secrets and are printed in
#   logs and diffs. A key named like a password or token with a value suggests a
#   credential stored in the wrong place. The value must look like a
#   credential under that name, as for KW-SEC-001: not a boolean, number,
#   duration, reference, placeholder, path or URL without userinfo, and under
#   a TOKEN/AUTH-like key a generated-looking string or a default password.
#   A binaryData value is judged decoded (and counts when it is no text).
# custom:
#   id: KW-SEC-004
#   severity: medium
#   kinds: [ConfigMap]
#   profiles: []
#   remediation: Move the entry to a Secret and reference it from there; rotate the credential if it was real.
#   references:
#     - KSV-0109
#     - PO sensitiveConfigmapContent
#     - https://kubernetes.io/docs/concepts/configuration/configmap/
#   example: |
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: web-settings
#       namespace: shop
#     data:
#       LOG_LEVEL: info
#       DB_PASSWORD: s3cr3t-passw0rd
package kubeward.rules.secrets.configmap_secret_key

import data.kubeward.lib.credentials
import data.kubeward.lib.secrets
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("ConfigMap %q %s key %q is named like a credential and has a value; move it to a Secret.", [workloads.name(input), field, key]),
	"path": [field, key],
} if {
	input.kind == "ConfigMap"
	some field in ["data", "binaryData"]
	some key, value in input[field]
	secrets.secret_name(key)
	is_string(value)
	value != ""
	_credential(field, key, value)

	# KW-SEC-005 reports a key whose value holds a recognised credential.
	not secrets.configmap_entry_has_credential(field, value)
}

_credential("data", key, value) if credentials.value_is_credential(key, value)

_credential("binaryData", key, value) if {
	base64.is_valid(value)
	credentials.value_is_credential(key, base64.decode(value))
}

# Bytes that do not decode to text (a keystore, a DER key) are key material,
# and a value that is no base64 cannot be judged.
_credential("binaryData", _, value) if not _text(value)

_text(value) if {
	base64.is_valid(value)
	regex.match(`^[\x{09}\x{0A}\x{0D}\x{20}-\x{7E}\x{80}-\x{10FFFF}]*$`, base64.decode(value))
}
