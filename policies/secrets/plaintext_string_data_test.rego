package kubeward.rules.secrets.plaintext_string_data_test

import data.kubeward.rules.secrets.plaintext_string_data as rule

test_string_data_values if {
	got := rule.deny with input as {"kind": "Secret", "metadata": {"name": "db"}, "stringData": {"password": "hunter2-value", "empty": "", "user": "shop"}}
	got == {
		{
			"msg": "Secret \"db\" sets stringData key \"password\" as plain text in the manifest; keep the value out of the manifest and create the Secret from a secret manager.",
			"path": ["stringData", "password"],
		},
		{
			"msg": "Secret \"db\" sets stringData key \"user\" as plain text in the manifest; keep the value out of the manifest and create the Secret from a secret manager.",
			"path": ["stringData", "user"],
		},
	}
	every f in got {
		not contains(f.msg, "hunter2")
	}
}

test_only_data_passes if {
	count(rule.deny) == 0 with input as {"kind": "Secret", "data": {"password": "aHVudGVyMg=="}}
	count(rule.deny) == 0 with input as {"kind": "Secret", "stringData": {"a": "", "b": null, "c": 1}}
	count(rule.deny) == 0 with input as {"kind": "Secret", "stringData": ["x"]}
	count(rule.deny) == 0 with input as {"kind": "ConfigMap", "stringData": {"a": "b"}}
}
