# METADATA
# title: Credential in ConfigMap value
# description: |
#   A ConfigMap value that contains a private key, a cloud or API token or a
#   URL with a password exposes a working credential to everyone who can read
#   ConfigMaps, which are not encrypted at rest and are rarely protected like
#   Secrets. Recognised by their format: PEM private keys, AWS access key
#   ids, GitHub, GitLab, Slack, Hugging Face and npm tokens, Slack webhook
#   URLs, Google API keys, Stripe and SendGrid keys, Azure storage account
#   keys, JSON Web Tokens and URLs with a password. $(VAR), ${VAR} and
#   {{ }} references are removed first: a URL whose password is filled in at
#   run time holds none.
# custom:
#   id: KW-SEC-005
#   severity: high
#   kinds: [ConfigMap]
#   profiles: [nsa]
#   remediation: Move the credential to a Secret and reference it from there, then revoke and rotate the exposed one.
#   references:
#     - NSA Network separation / secrets
#     - KSV-01010
#     - PO sensitiveConfigmapContent
#     - https://kubernetes.io/docs/concepts/configuration/secret/
#   example: |
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: web-settings
#       namespace: shop
#     data:
#       settings.ini: |
#         [database]
#         url = postgres://shop:s3cr3t@db.shop.svc:5432/shop
package kubeward.rules.secrets.configmap_credential

import data.kubeward.lib.secrets
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("ConfigMap %q data key %q contains %s; move it to a Secret, then revoke and rotate it.", [workloads.name(input), key, concat(" and ", secrets.credentials_in(value))]),
	"path": ["data", key],
} if {
	input.kind == "ConfigMap"
	some key, value in input.data
	is_string(key)
	secrets.configmap_entry_has_credential("data", value)
}
