package kubeward.rules.controlplane.encryption_keys_in_file_test

import data.kubeward.rules.controlplane.encryption_keys_in_file

ec(resources) := {"apiVersion": "apiserver.config.k8s.io/v1", "kind": "EncryptionConfiguration", "resources": resources}

key := "c2VjcmV0IGlzIHNlY3VyZSwgb3IgaXMgaXQ/Cg=="

test_keys_in_file_fire if {
	encryption_keys_in_file.deny == {{
		"msg": "EncryptionConfiguration resources[0].providers[1].aescbc key \"key2\" stores its secret in the file (with this file and an etcd backup anyone can read every Secret); use a kms v2 provider.",
		"path": ["resources", 0, "providers", 1, "aescbc", "keys", 0, "secret"],
	}} with input as ec([{"resources": ["secrets"], "providers": [{"kms": {"apiVersion": "v2", "name": "vault"}}, {"aescbc": {"keys": [{"name": "key2", "secret": key}]}}]}])
}

test_every_key_of_every_provider if {
	got := encryption_keys_in_file.deny with input as ec([
		{"resources": ["secrets"], "providers": [{"secretbox": {"keys": [{"name": "a", "secret": key}, {"secret": key}]}}]},
		{"resources": ["configmaps"], "providers": [{"aesgcm": {"keys": [{"name": "c", "secret": key}]}}]},
	])
	{f.path | some f in got} == {
		["resources", 0, "providers", 0, "secretbox", "keys", 0, "secret"],
		["resources", 0, "providers", 0, "secretbox", "keys", 1, "secret"],
		["resources", 1, "providers", 0, "aesgcm", "keys", 0, "secret"],
	}
	"EncryptionConfiguration resources[0].providers[0].secretbox key \"<unnamed>\" stores its secret in the file (with this file and an etcd backup anyone can read every Secret); use a kms v2 provider." in {f.msg | some f in got}
}

test_messages_never_hold_the_key if {
	got := encryption_keys_in_file.deny with input as ec([{"resources": ["secrets"], "providers": [{"aesgcm": {"keys": [{"name": "key1", "secret": key}]}}]}])
	count(got) == 1
	every f in got {
		not contains(f.msg, key)
		not contains(f.msg, "c2VjcmV0")
	}
}

test_kms_and_identity_pass if {
	count(encryption_keys_in_file.deny) == 0 with input as ec([{"resources": ["secrets"], "providers": [{"kms": {"apiVersion": "v2", "name": "vault", "endpoint": "unix:///kms.sock"}}, {"identity": {}}]}])
	count(encryption_keys_in_file.deny) == 0 with input as ec([{"resources": ["secrets"], "providers": [{"aescbc": {"keys": [{"name": "k", "secret": ""}]}}]}])
	count(encryption_keys_in_file.deny) == 0 with input as ec({"a": 1})
}
