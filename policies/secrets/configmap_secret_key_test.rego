package kubeward.rules.secrets.configmap_secret_key_test

import data.kubeward.rules.secrets.configmap_secret_key as rule

configmap(entries, binary) := {"kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "shop"}, "data": entries, "binaryData": binary}

test_secret_like_keys if {
	got := rule.deny with input as configmap(
		{"LOG_LEVEL": "info", "db.password": "hunter2-value", "api_key": "c81f3a9e07d24b6f"},
		{"signing-private_key": "AAEC"},
	)
	got == {
		{
			"msg": "ConfigMap \"settings\" data key \"db.password\" is named like a credential and has a value; move it to a Secret.",
			"path": ["data", "db.password"],
		},
		{
			"msg": "ConfigMap \"settings\" data key \"api_key\" is named like a credential and has a value; move it to a Secret.",
			"path": ["data", "api_key"],
		},
		{
			"msg": "ConfigMap \"settings\" binaryData key \"signing-private_key\" is named like a credential and has a value; move it to a Secret.",
			"path": ["binaryData", "signing-private_key"],
		},
	}
	every f in got {
		not contains(f.msg, "hunter2")
	}
}

test_empty_values_and_other_names_pass if {
	count(rule.deny) == 0 with input as configmap(
		{"PASSWORD": "", "AUTHOR": "me", "PASSIVE": "yes", "token_path": "/run/token", "secret.name": "db"},
		{"token": ""},
	)
}

test_value_reported_by_sec_005 if {
	count(rule.deny) == 0 with input as configmap({"aws_secret": "id=AKIAIOSFODNN7EXAMPLE"}, null)
}

test_binary_value_that_looks_like_a_credential_is_still_reported if {
	# SEC-005 reads only data values, so SEC-004 reports the binaryData key.
	{f.path | some f in rule.deny} == {["binaryData", "aws_secret"]} with input as configmap(null, {"aws_secret": "AKIAIOSFODNN7EXAMPLE"})
}

test_bad_input_passes if {
	count(rule.deny) == 0 with input as configmap(["PASSWORD"], "x")
	count(rule.deny) == 0 with input as configmap({"PASSWORD": 12}, {"TOKEN": null})
	count(rule.deny) == 0 with input as {"kind": "Secret", "data": {"PASSWORD": "eA=="}}
}

test_values_that_are_no_credentials_pass if {
	# issue 23: "false" and "default" under credential-like keys
	count(rule.deny) == 0 with input as configmap(
		{
			"AUTH_ENABLED": "false", "AUTH_BACKEND": "default", "api_token": "{{ .Values.token }}", "TOKEN_MAX_AGE": "3600",
			"oidc.auth.issuer": "https://accounts.example.com", "client_auth": "required", "SECRET_STORE": "kubernetes.secrets.v1",
		},
		{"AUTH_MODE": "cHVibGlj"},
	)
}

test_token_like_keys_need_a_generated_value_or_a_default_password if {
	got := rule.deny with input as configmap(
		{"API_TOKEN": "changeme", "auth.token": "9fQ2xLm7Kp3Zt8Wq", "ETCD_INITIAL_CLUSTER_TOKEN": "etcd-cluster-k8s"},
		{"AUTH_MODE": "cHVibGlj"},
	)
	{f.path | some f in got} == {["data", "API_TOKEN"], ["data", "auth.token"]}
}

test_password_keys_report_any_typed_value if {
	got := rule.deny with input as configmap({"ADMIN_PASSWORD": "admin", "db.pass": "default", "PASSWORD_REQUIRED": "yes"}, {"redis_password": "bXlzcWw="})
	{f.path | some f in got} == {["data", "ADMIN_PASSWORD"], ["data", "db.pass"], ["binaryData", "redis_password"]}
}

test_binary_value_that_is_no_base64_is_reported if {
	{f.path | some f in rule.deny} == {["binaryData", "TOKEN"]} with input as configmap(null, {"TOKEN": "not base64!"})
}
