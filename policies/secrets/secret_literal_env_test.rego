package kubeward.rules.secrets.secret_literal_env_test

import data.kubeward.rules.secrets.secret_literal_env as rule

deployment(env) := {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "app", "env": env}]}}}}

test_literal_secret_values_in_a_deployment if {
	got := rule.deny with input as deployment([
		{"name": "DB_PASSWORD", "value": "hunter2-value"},
		{"name": "LOG_LEVEL", "value": "debug"},
		{"name": "OAUTH_TOKEN", "value": "t0k3nV4lue9Qx2Lz"},
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
		"initContainers": [{"name": "i", "env": [{"name": "API_KEY", "value": "c81f3a9e07d24b6f"}]}],
		"ephemeralContainers": [{"name": "e", "env": [{"name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"}]}],
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

# issue 23: what the name alone reported on real charts.
test_values_that_are_no_credentials_pass if {
	count(rule.deny) == 0 with input as deployment([
		{"name": "ZOO_ENABLE_QUORUM_AUTH", "value": "no"},
		{"name": "ALLOW_EMPTY_PASSWORD", "value": "yes"},
		{"name": "MYSQL_ALLOW_EMPTY_PASSWORD", "value": "1"},
		{"name": "GF_AUTH_BASIC_ENABLED", "value": "FALSE"},
		{"name": "MAX_NEW_TOKENS", "value": "256"},
		{"name": "KEYCLOAK_AUTH_CLIENT_TYPE", "value": "public"},
		{"name": "ETCD_INITIAL_CLUSTER_TOKEN", "value": "etcd-cluster-k8s"},
		{"name": "GF_AUTH_ANONYMOUS_ORG_ROLE", "value": "Admin"},
		{"name": "AIRFLOW__API__SECRET_KEY_CMD", "value": "cat /opt/bitnami/airflow/secrets/airflow-secret-key"},
		{"name": "SECRET_ID", "value": "bq-readonly-key"},
		{"name": "REDIS_PASSWORD", "value": "${REDIS_PASSWORD}"},
		{"name": "API_TOKEN", "value": "{{ .Values.token }}"},
		{"name": "SMTP_PASSWORD", "value": "<smtp-password>"},
		{"name": "JWT_TOKEN_EXPIRY", "value": "24h"},
		{"name": "OIDC_AUTH_ISSUER", "value": "https://accounts.example.com/realms/shop"},
		{"name": "API_TOKEN", "value": "****************"},
		{"name": "DATABASE_URL", "value": "postgres://$(DB_USER):$(DB_PASSWORD)@db:5432/shop"},
	])
}

test_password_names_report_any_typed_value if {
	got := rule.deny with input as deployment([
		{"name": "GF_SECURITY_ADMIN_PASSWORD", "value": "admin"},
		{"name": "MINIO_SECRET_KEY", "value": "minio123"},
		{"name": "MYSQL_PASSWORD", "value": "1234"},
		{"name": "JWT_SECRET", "value": "default"},
	])
	{f.path[6] | some f in got} == {0, 1, 2, 3}
}

test_token_like_names_need_a_generated_value_or_a_default_password if {
	got := rule.deny with input as deployment([
		{"name": "ACCESS_KEY", "value": "635fdec1-136c-44b1-8440-03a07aeb28cb"},
		{"name": "API_TOKEN", "value": "changeme"},
		{"name": "AUTH_TOKEN", "value": "short-token"},
		{"name": "SECRET_VERSION", "value": "latest"},
	])
	{f.path[6] | some f in got} == {0, 1}
}

test_known_token_format_under_any_name if {
	got := rule.deny with input as deployment([
		{"name": "DATABASE_URL", "value": "postgres://shop:Xy7pQ2kL9v@db.shop.svc:5432/shop"},
		{"name": "GH_PAT", "value": "ghp_7X8s51fbLtByHwiUmrCaoND5bgfTFAbGOUBw"},
		{"name": "DATABASE_HOST", "value": "db.shop.svc"},
	])
	got == {
		{
			"msg": "container \"app\" sets env DATABASE_URL to a literal value that contains a URL with a password; store it in a Secret and use valueFrom.secretKeyRef.",
			"path": ["spec", "template", "spec", "containers", 0, "env", 0, "value"],
		},
		{
			"msg": "container \"app\" sets env GH_PAT to a literal value that contains a GitHub token; store it in a Secret and use valueFrom.secretKeyRef.",
			"path": ["spec", "template", "spec", "containers", 0, "env", 1, "value"],
		},
	}
}

test_known_format_private_key_left_to_sec_002 if {
	count(rule.deny) == 0 with input as deployment([{"name": "SIGNING", "value": "-----BEGIN EC PRIVATE KEY-----\nMHcC"}])
}
