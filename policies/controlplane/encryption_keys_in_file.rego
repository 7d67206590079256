# METADATA
# title: Encryption keys stored in the file
# description: |
#   aescbc, aesgcm and secretbox keep their keys in the EncryptionConfiguration
#   file itself, on the control-plane node's disk and in every backup of it.
#   With that file and an etcd backup, anyone can decrypt every Secret. A kms
#   provider keeps the key in an external KMS. Reports name the key, never its
#   value.
# custom:
#   id: KW-CP-050
#   severity: high
#   kinds: [EncryptionConfiguration]
#   profiles: [cis]
#   remediation: Move to a kms v2 provider so that keys live in a KMS, and keep this file out of backups and version control until then.
#   references:
#     - NSA Kubernetes Hardening Guidance
#     - https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/#understanding-the-encryption-at-rest-configuration
#   example: |
#     apiVersion: apiserver.config.k8s.io/v1
#     kind: EncryptionConfiguration
#     resources:
#       - resources:
#           - secrets
#         providers:
#           - secretbox:
#               keys:
#                 - name: key1
#                   secret: c2VjcmV0IGlzIHNlY3VyZSwgb3IgaXMgaXQ/Cg==
#           - identity: {}
package kubeward.rules.controlplane.encryption_keys_in_file

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("EncryptionConfiguration resources[%d].providers[%d].%s key %q stores its secret in the file (with this file and an etcd backup anyone can read every Secret); use a kms v2 provider.", [i, j, type, _key_name(key)]),
	"path": ["resources", i, "providers", j, type, "keys", k, "secret"],
} if {
	cp.is_encryption_config(input)
	is_array(input.resources)
	some i, entry in input.resources
	is_array(entry.providers)
	some j, provider in entry.providers
	some type in cp.encryption_key_providers
	is_array(provider[type].keys)
	some k, key in provider[type].keys
	is_string(key.secret)
	key.secret != ""
}

_key_name(key) := key.name if is_string(key.name)

else := "<unnamed>"
