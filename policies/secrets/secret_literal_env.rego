# METADATA
# title: Secret-like literal env value
# description: |
#   An environment variable whose name says it holds a password, token or key
#   but whose value is written in the manifest puts the credential in version
#   control, in the API server's copy of the object and in every place the
#   manifest is shown. Anyone who can read the workload can read the credential.
#   What counts: under a name that ends in the secret (PASSWORD, PWD, PASS,
#   SECRET, SECRET_KEY) any literal except a boolean, a number of fewer than
#   4 digits, a duration or quantity, a reference, a <placeholder>, a path or
#   a URL without userinfo; under another credential-like name (TOKEN, AUTH,
#   API_KEY, ACCESS_KEY, CREDENTIAL...) a generated-looking string (12+
#   characters, not an identifier of words, high entropy) or a well-known
#   default password; under any name a known token format (AWS, GitHub,
#   GitLab, Slack, Google, Stripe, Hugging Face, npm, SendGrid, Azure
#   storage, JWT, URL with a password).
# custom:
#   id: KW-SEC-001
#   severity: high
#   kinds: [pod-kinds]
#   profiles: [nsa]
#   remediation: Store the value in a Secret and read it with valueFrom.secretKeyRef (or mount the Secret as a file), then rotate the exposed credential.
#   references:
#     - NSA Network separation / secrets
#     - KL env-var-secret
#     - PO sensitiveContainerEnvVar
#     - KS C-0012
#     - https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       selector:
#         matchLabels: {app: web}
#       template:
#         metadata:
#           labels: {app: web}
#         spec:
#           containers:
#             - name: web
#               image: registry.example.com/shop/web:1.4.2
#               env:
#                 - name: DB_PASSWORD
#                   value: s3cr3t-passw0rd
package kubeward.rules.secrets.secret_literal_env

import data.kubeward.lib.credentials
import data.kubeward.lib.pods
import data.kubeward.lib.secrets

deny contains {
	"msg": sprintf("container %q sets env %s to a literal value and its name says it holds a credential; store it in a Secret and use valueFrom.secretKeyRef.", [c.name, entry.name]),
	"path": array.concat(c.path, ["env", k, "value"]),
} if {
	some c in pods.containers
	some k, entry in c.container.env
	secrets.secret_name(entry.name)
	secrets.literal_value(entry.value)
	credentials.value_is_credential(entry.name, entry.value)

	# KW-SEC-002 reports a private key.
	not secrets.env_entry_has_private_key(entry)
}

# A token whose format identifies it is a credential whatever the variable is
# called (DATABASE_URL with a password, GH_PAT, GOOGLE_MAPS_KEY).
deny contains {
	"msg": sprintf("container %q sets env %s to a literal value that contains %s; store it in a Secret and use valueFrom.secretKeyRef.", [c.name, entry.name, concat(" and ", formats)]),
	"path": array.concat(c.path, ["env", k, "value"]),
} if {
	some c in pods.containers
	some k, entry in c.container.env
	is_string(entry.name)
	not secrets.secret_name(entry.name)

	# Most values hold no format: has_known_format stops there without
	# building the list of formats.
	credentials.has_known_format(entry.value)
	formats := credentials.known_formats_in(entry.value)
	not secrets.env_entry_has_private_key(entry)
}
