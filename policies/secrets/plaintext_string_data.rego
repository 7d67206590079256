# METADATA
# title: Plaintext stringData
# description: |
#   A Secret manifest with stringData keeps the secret value as readable text
#   in the file, so it ends up in version control and reviews. The base64 of
#   data is no safer, but stringData makes the exposure obvious: a Secret value
#   should not be in the manifest at all.
# custom:
#   id: KW-SEC-010
#   severity: info
#   kinds: [Secret]
#   profiles: []
#   remediation: Keep Secret values out of manifests; create them from a secret manager (External Secrets, Sealed Secrets, SOPS) or at deploy time.
#   references:
#     - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
#   example: |
#     apiVersion: v1
#     kind: Secret
#     metadata:
#       name: db
#       namespace: shop
#     stringData:
#       password: s3cr3t-passw0rd
package kubeward.rules.secrets.plaintext_string_data

import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Secret %q sets stringData key %q as plain text in the manifest; keep the value out of the manifest and create the Secret from a secret manager.", [workloads.name(input), key]),
	"path": ["stringData", key],
} if {
	input.kind == "Secret"
	some key, value in input.stringData
	is_string(key)
	is_string(value)
	value != ""
}
