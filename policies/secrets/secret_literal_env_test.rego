package kubeward.rules.secrets.secret_literal_env_test

import data.kubeward.rules.secrets.secret_literal_env as rule

deployment(env) := {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "app", "env": env}]}}}}

test_literal_secret_values_in_a_deployment if {
	got := rule.deny with input as deployment([
		{"name": "DB_PASSWORD", "value": "hunter2-value"},
		{"name": "LOG_LEVEL", "value": "debug"},
		{"name": "OAUTH_TOKEN", "value": "t0k3n-value"},
	])
	got == {
		{
			"msg": "container \"app\" sets env DB_PASSWORD to a literal value and its name says it holds a credential; store it in a Secret and use valueFrom.secretKeyRef.",
			"path": ["spec", "template", "spec", "containers", 0, "env", 0, "value"],
		},
		{
			"msg": "container \"app\" sets env OAUTH_TOKEN to a literal value and its name says it holds a credential; store it in a Secret and use valueFrom.secretKeyRef.",
			"path": ["spec", "template", "spec", "containers", 0, "env", 2, "value"],
		},
	}
}

test_messages_never_contain_the_value if {
	got := rule.deny with input as deployment([{"name": "dbPassword", "value": "hunter2-value"}, {"name": "db.pass", "value": "hunter2-value"}])
	count(got) == 2
	every f in got {
		not contains(f.msg, "hunter2")
	}
}

test_init_and_ephemeral_containers_of_a_cronjob if {
	got := rule.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {
		"initContainers": [{"name": "i", "env": [{"name": "API_KEY", "value": "k"}]}],
		"ephemeralContainers": [{"name": "e", "env": [{"name": "AWS_ACCESS_KEY_ID", "value": "k"}]}],
	}}}}}}
	{f.path | some f in got} == {
		["spec", "jobTemplate", "spec", "template", "spec", "initContainers", 0, "env", 0, "value"],
		["spec", "jobTemplate", "spec", "template", "spec", "ephemeralContainers", 0, "env", 0, "value"],
	}
}

test_value_from_empty_refs_and_paths_pass if {
	count(rule.deny) == 0 with input as deployment([
		{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
		{"name": "API_TOKEN", "value": ""},
		{"name": "ADMIN_PASSWORD", "value": "$(DB_PASSWORD)"},
		{"name": "SECRET", "value": "$(A)$(B)"},
		{"name": "TOKEN", "value": "/var/run/secrets/token"},
	])
}

test_names_that_are_not_secret_like_pass if {
	count(rule.deny) == 0 with input as deployment([
		{"name": "AUTHOR", "value": "me"},
		{"name": "PASSIVE", "value": "true"},
		{"name": "DB_PASSWORD_FILE", "value": "db-password"},
		{"name": "TOKEN_TTL", "value": "3600"},
	])
}

test_private_key_reported_by_sec_002 if {
	count(rule.deny) == 0 with input as deployment([{"name": "TLS_PRIVATE_KEY", "value": "-----BEGIN PRIVATE KEY-----\nMIIB"}])
}

test_bad_input_passes if {
	count(rule.deny) == 0 with input as deployment("PASSWORD=x")
	count(rule.deny) == 0 with input as deployment([{"name": "PASSWORD", "value": 12}, "PASSWORD", {"name": 1, "value": "x"}])
	count(rule.deny) == 0 with input as {"kind": "ConfigMap", "data": {"PASSWORD": "x"}}
}
