# METADATA
# title: Secrets not encrypted at rest
# description: |
#   The API server writes each resource with the first provider of the first
#   EncryptionConfiguration entry that covers it. When no entry covers secrets
#   (by secrets, *. or *.*), or that first provider is identity, Secrets are
#   written to etcd in plain text and every backup of etcd holds them readable.
# custom:
#   id: KW-CP-048
#   severity: high
#   kinds: [EncryptionConfiguration]
#   profiles: [cis]
#   remediation: Add a resources entry for secrets whose first provider encrypts (kms v2 preferred, or secretbox, aesgcm, aescbc), keeping identity last only to read old data.
#   references:
#     - CIS 1.2.28
#     - https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/
#   example: |
#     apiVersion: apiserver.config.k8s.io/v1
#     kind: EncryptionConfiguration
#     resources:
#       - resources:
#           - secrets
#         providers:
#           - identity: {}
#           - aesgcm:
#               keys:
#                 - name: key1
#                   secret: c2VjcmV0IGlzIHNlY3VyZQ==
package kubeward.rules.controlplane.encryption_secrets_not_encrypted

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "EncryptionConfiguration has no resources entry for secrets (by secrets, *. or *.*), so Secrets are stored unencrypted; add one whose first provider encrypts, e.g. kms v2.",
	"path": ["resources"],
} if {
	cp.is_encryption_config(input)
	not cp.encryption_secrets_entry(input)
}

deny contains {
	"msg": sprintf("EncryptionConfiguration resources[%d] has identity as its first provider, so Secrets are written unencrypted; put an encrypting provider (e.g. kms v2) first.", [p.entry]),
	"path": p.path,
} if {
	cp.is_encryption_config(input)
	p := cp.encryption_secrets_provider(input)
	p.type == "identity"
}
