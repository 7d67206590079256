# METADATA
# title: Private key in env
# description: |
#   A PEM private key written as an environment variable value is stored in
#   the manifest, in version control and in the API server's copy of the
#   workload, readable by anyone who can read the workload. Whoever holds it can
#   impersonate the service or decrypt its traffic.
# custom:
#   id: KW-SEC-002
#   severity: critical
#   kinds: [pod-kinds]
#   profiles: [nsa]
#   remediation: Store the key in a Secret (type kubernetes.io/tls or ssh-auth where it fits) and mount it as a file, then replace the exposed key.
#   references:
#     - NSA Network separation / secrets
#     - PO sensitiveContainerEnvVar
#     - https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: signer
#       namespace: shop
#     spec:
#       containers:
#         - name: signer
#           image: registry.example.com/shop/signer:2.0.1
#           env:
#             - name: SIGNING_KEY
#               value: |
#                 -----BEGIN EC PRIVATE KEY-----
#                 MHcCAQEEIExampleOnlyNotARealKeyExampleOnlyNotARealKeyoAoGCCqGSM49
#                 -----END EC PRIVATE KEY-----
package kubeward.rules.secrets.private_key_env

import data.kubeward.lib.pods
import data.kubeward.lib.secrets

deny contains {
	"msg": sprintf("container %q sets env %s to a value that contains a PEM private key; store the key in a Secret, mount it as a file and replace the exposed key.", [c.name, _name(entry)]),
	"path": array.concat(c.path, ["env", k, "value"]),
} if {
	some c in pods.containers
	some k, entry in c.container.env
	secrets.env_entry_has_private_key(entry)
}

_name(entry) := entry.name if is_string(entry.name)

else := "<unnamed>"
