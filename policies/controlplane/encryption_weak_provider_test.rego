package kubeward.rules.controlplane.encryption_weak_provider_test

import data.kubeward.rules.controlplane.encryption_weak_provider

ec(resources) := {"apiVersion": "apiserver.config.k8s.io/v1", "kind": "EncryptionConfiguration", "resources": resources}

key := "c2VjcmV0IGlzIHNlY3VyZSwgb3IgaXMgaXQ/Cg=="

test_aescbc_fires if {
	encryption_weak_provider.deny == {{
		"msg": "EncryptionConfiguration resources[0] encrypts Secrets with aescbc first, which upstream no longer recommends (it is open to padding-oracle attacks); use kms v2 or secretbox.",
		"path": ["resources", 0, "providers", 0, "aescbc"],
	}} with input as ec([{"resources": ["secrets"], "providers": [{"aescbc": {"keys": [{"name": "k", "secret": key}]}}, {"identity": {}}]}])
}

test_aesgcm_fires if {
	{f.msg | some f in encryption_weak_provider.deny} == {"EncryptionConfiguration resources[0] encrypts Secrets with aesgcm first, whose keys must be rotated every 200,000 writes; use kms v2 or secretbox."} with input as ec([{"resources": ["*.*"], "providers": [{"aesgcm": {"keys": [{"name": "k", "secret": key}]}}]}])
}

test_kms_v1_fires if {
	encryption_weak_provider.deny == {{
		"msg": "EncryptionConfiguration resources[0] encrypts Secrets with kms v1 first, deprecated since 1.28 and off by default since 1.29; set kms apiVersion: v2.",
		"path": ["resources", 0, "providers", 0, "kms", "apiVersion"],
	}} with input as ec([{"resources": ["secrets"], "providers": [{"kms": {"name": "vault", "endpoint": "unix:///kms.sock"}}]}])
	count(encryption_weak_provider.deny) == 1 with input as ec([{"resources": ["secrets"], "providers": [{"kms": {"apiVersion": "v1", "name": "vault"}}]}])
}

test_strong_providers_pass if {
	count(encryption_weak_provider.deny) == 0 with input as ec([{"resources": ["secrets"], "providers": [{"kms": {"apiVersion": "v2", "name": "vault"}}, {"aescbc": {"keys": [{"name": "k", "secret": key}]}}]}])
	count(encryption_weak_provider.deny) == 0 with input as ec([{"resources": ["secrets"], "providers": [{"secretbox": {"keys": [{"name": "k", "secret": key}]}}]}])
	count(encryption_weak_provider.deny) == 0 with input as ec([{"resources": ["secrets"], "providers": [{"identity": {}}]}])
	count(encryption_weak_provider.deny) == 0 with input as ec([{"resources": ["configmaps"], "providers": [{"aescbc": {}}]}])
	count(encryption_weak_provider.deny) == 0 with input as ec([{"resources": ["secrets"], "providers": [{"kms": "v1"}]}])
}

test_messages_never_hold_the_key if {
	got := encryption_weak_provider.deny with input as ec([{"resources": ["secrets"], "providers": [{"aescbc": {"keys": [{"name": "k", "secret": key}]}}]}])
	count(got) == 1
	every f in got {
		not contains(f.msg, key)
	}
}
