package kubeward.rules.secrets.private_key_env_test

import data.kubeward.rules.secrets.private_key_env as rule

key := "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAkeyMaterial\n-----END RSA PRIVATE KEY-----"

test_private_key_in_a_statefulset if {
	got := rule.deny with input as {"kind": "StatefulSet", "spec": {"template": {"spec": {"containers": [{"name": "db", "env": [
		{"name": "MODE", "value": "primary"},
		{"name": "REPLICATION_CERT", "value": key},
		{"value": key},
	]}]}}}}
	got == {
		{
			"msg": "container \"db\" sets env REPLICATION_CERT to a value that contains a PEM private key; store the key in a Secret, mount it as a file and replace the exposed key.",
			"path": ["spec", "template", "spec", "containers", 0, "env", 1, "value"],
		},
		{
			"msg": "container \"db\" sets env <unnamed> to a value that contains a PEM private key; store the key in a Secret, mount it as a file and replace the exposed key.",
			"path": ["spec", "template", "spec", "containers", 0, "env", 2, "value"],
		},
	}
	every f in got {
		not contains(f.msg, "MIIE")
	}
}

test_pod_init_container if {
	got := rule.deny with input as {"kind": "Pod", "spec": {"initContainers": [{"name": "i", "env": [{"name": "K", "value": "-----BEGIN OPENSSH PRIVATE KEY-----"}]}]}}
	{f.path | some f in got} == {["spec", "initContainers", 0, "env", 0, "value"]}
}

test_other_values_pass if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "env": [
		{"name": "CERT", "value": "-----BEGIN CERTIFICATE-----\nMIIB"},
		{"name": "PUB", "value": "-----BEGIN PUBLIC KEY-----"},
		{"name": "KEY", "valueFrom": {"secretKeyRef": {"name": "tls", "key": "tls.key"}}},
		{"name": "N", "value": 1},
		"x",
	]}]}}
	count(rule.deny) == 0 with input as {"kind": "Secret", "stringData": {"k": key}}
}
