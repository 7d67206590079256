# METADATA
# title: Opaque Secret with typed content
# description: |
#   Kubernetes has Secret types for registry credentials, TLS key pairs and SSH
#   keys: the API server checks their required keys, and tools and admission
#   policies recognise them. An Opaque Secret with that content skips the
#   checks. Token and ca.crt together suggest a copied ServiceAccount token,
#   which never expires and is not revoked with its ServiceAccount.
# custom:
#   id: KW-SEC-008
#   severity: low
#   kinds: [Secret]
#   profiles: []
#   remediation: Set the Secret type that matches its content (kubernetes.io/dockerconfigjson, kubernetes.io/tls, kubernetes.io/ssh-auth); replace a copied ServiceAccount token with a projected token.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/secret/#secret-types
#   example: |
#     apiVersion: v1
#     kind: Secret
#     metadata:
#       name: shop-tls
#       namespace: shop
#     data:
#       tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
#       tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t
package kubeward.rules.secrets.opaque_typed_content

import data.kubeward.lib.secrets
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Secret %q %s but holds %s; %s.", [workloads.name(input), _type_found, t.keys, t.fix]),
	"path": ["type"],
} if {
	input.kind == "Secret"
	object.get(input, "type", null) in {null, "", "Opaque"}
	keys := secrets.keys_of(input)
	some t in _typed
	every k in t.needs {
		k in keys
	}
}

_type_found := "has type Opaque" if input.type == "Opaque"

else := "does not set type (default: Opaque)"

_typed := [
	{"needs": [".dockerconfigjson"], "keys": "key .dockerconfigjson", "fix": "set type: kubernetes.io/dockerconfigjson"},
	{"needs": [".dockercfg"], "keys": "key .dockercfg", "fix": "set type: kubernetes.io/dockercfg, or convert it to .dockerconfigjson with type kubernetes.io/dockerconfigjson"},
	{"needs": ["tls.crt", "tls.key"], "keys": "keys tls.crt and tls.key", "fix": "set type: kubernetes.io/tls"},
	{"needs": ["ssh-privatekey"], "keys": "key ssh-privatekey", "fix": "set type: kubernetes.io/ssh-auth"},
	{"needs": ["token", "ca.crt"], "keys": "keys token and ca.crt, like a copied ServiceAccount token", "fix": "remove it and give the pods a projected ServiceAccount token instead"},
]
