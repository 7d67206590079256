package kubeward.rules.controlplane.encryption_secrets_not_encrypted_test

import data.kubeward.rules.controlplane.encryption_secrets_not_encrypted

ec(resources) := {"apiVersion": "apiserver.config.k8s.io/v1", "kind": "EncryptionConfiguration", "resources": resources}

key := "c2VjcmV0IGlzIHNlY3VyZSwgb3IgaXMgaXQ/Cg=="

test_identity_first_fires if {
	encryption_secrets_not_encrypted.deny == {{
		"msg": "EncryptionConfiguration resources[1] has identity as its first provider, so Secrets are written unencrypted; put an encrypting provider (e.g. kms v2) first.",
		"path": ["resources", 1, "providers", 0],
	}} with input as ec([
		{"resources": ["events"], "providers": [{"identity": {}}]},
		{"resources": ["configmaps", "*."], "providers": [{"identity": {}}, {"aescbc": {"keys": [{"name": "k", "secret": key}]}}]},
		{"resources": ["secrets"], "providers": [{"aescbc": {"keys": [{"name": "k", "secret": key}]}}]},
	])
}

test_secrets_not_covered_fires if {
	encryption_secrets_not_encrypted.deny == {{
		"msg": "EncryptionConfiguration has no resources entry for secrets (by secrets, *. or *.*), so Secrets are stored unencrypted; add one whose first provider encrypts, e.g. kms v2.",
		"path": ["resources"],
	}} with input as ec([{"resources": ["configmaps", "*.apps"], "providers": [{"secretbox": {"keys": [{"name": "k", "secret": key}]}}]}])
	count(encryption_secrets_not_encrypted.deny) == 1 with input as {"apiVersion": "apiserver.config.k8s.io/v1", "kind": "EncryptionConfiguration"}
}

test_encrypting_first_provider_passes if {
	count(encryption_secrets_not_encrypted.deny) == 0 with input as ec([{"resources": ["*.*"], "providers": [{"kms": {"apiVersion": "v2", "name": "k", "endpoint": "unix:///kms.sock"}}, {"identity": {}}]}])
	count(encryption_secrets_not_encrypted.deny) == 0 with input as ec([{"resources": ["secrets"], "providers": [{"aesgcm": {"keys": [{"name": "k", "secret": key}]}}]}])
	count(encryption_secrets_not_encrypted.deny) == 0 with input as ec([{"resources": ["secrets"], "providers": []}])
}

test_messages_never_hold_the_key if {
	got := encryption_secrets_not_encrypted.deny with input as ec([{"resources": ["secrets"], "providers": [{"identity": {}}, {"aescbc": {"keys": [{"name": "k", "secret": key}]}}]}])
	count(got) == 1
	every f in got {
		not contains(f.msg, key)
	}
}
