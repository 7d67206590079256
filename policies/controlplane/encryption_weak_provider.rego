# METADATA
# title: Weak or deprecated encryption provider
# description: |
#   The provider that writes Secrets decides how well they are protected.
#   Upstream no longer recommends aescbc (vulnerable to padding-oracle attacks),
#   aesgcm keys must be rotated every 200,000 writes, and kms v1 is deprecated
#   since 1.28 and off by default since 1.29. secretbox and kms v2 are the
#   recommended choices; this is stricter than kube-bench.
# custom:
#   id: KW-CP-049
#   severity: low
#   kinds: [EncryptionConfiguration]
#   profiles: [cis]
#   remediation: Make kms with apiVersion v2 (or secretbox) the first provider for secrets, keeping the old provider after it until every Secret has been rewritten.
#   references:
#     - CIS 1.2.28
#     - https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/
#     - https://kubernetes.io/docs/tasks/administer-cluster/kms-provider/
#   example: |
#     apiVersion: apiserver.config.k8s.io/v1
#     kind: EncryptionConfiguration
#     resources:
#       - resources:
#           - secrets
#         providers:
#           - kms:
#               name: vault
#               endpoint: unix:///var/run/kms-plugin/socket.sock
#               cachesize: 1000
#           - identity: {}
package kubeward.rules.controlplane.encryption_weak_provider

import data.kubeward.lib.controlplane as cp

_why := {
	"aescbc": "which upstream no longer recommends (it is open to padding-oracle attacks)",
	"aesgcm": "whose keys must be rotated every 200,000 writes",
}

deny contains {
	"msg": sprintf("EncryptionConfiguration resources[%d] encrypts Secrets with %s first, %s; use kms v2 or secretbox.", [p.entry, p.type, _why[p.type]]),
	"path": array.concat(p.path, [p.type]),
} if {
	cp.is_encryption_config(input)
	p := cp.encryption_secrets_provider(input)
	_why[p.type]
}

deny contains {
	"msg": sprintf("EncryptionConfiguration resources[%d] encrypts Secrets with kms %s first, deprecated since 1.28 and off by default since 1.29; set kms apiVersion: v2.", [p.entry, _kms_version(p.provider.kms)]),
	"path": array.concat(p.path, ["kms", "apiVersion"]),
} if {
	cp.is_encryption_config(input)
	p := cp.encryption_secrets_provider(input)
	p.type == "kms"
	is_object(p.provider.kms)
	_kms_version(p.provider.kms) == "v1"
}

_kms_version(kms) := "v1" if {
	object.get(kms, "apiVersion", null) in {null, "v1"}
} else := kms.apiVersion
