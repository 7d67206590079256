package kubeward.rules.secrets.configmap_credential_test

import data.kubeward.rules.secrets.configmap_credential as rule

configmap(entries) := {"kind": "ConfigMap", "metadata": {"name": "settings"}, "data": entries, "binaryData": {"k": "AKIAIOSFODNN7EXAMPLE"}}

values := {
	"key.pem": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----",
	"aws": "aws_access_key_id=AKIAIOSFODNN7EXAMPLE",
	"gh": "GITHUB=ghp_R4nd0mTok3nValueR4nd0mTok3nValue1234",
	"slack": "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
	"jwt": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV",
	"db": "DATABASE_URL=postgres://shop:Sup3rS3cret@db:5432/shop",
	"both": "AKIAIOSFODNN7EXAMPLE https://u:Sup3rS3cret@host/",
}

test_every_credential_kind if {
	got := rule.deny with input as configmap(object.union(values, {"plain": "log_level=info", "url": "https://db.example.com:5432/x"}))
	got == {
		{"msg": "ConfigMap \"settings\" data key \"key.pem\" contains a PEM private key; move it to a Secret, then revoke and rotate it.", "path": ["data", "key.pem"]},
		{"msg": "ConfigMap \"settings\" data key \"aws\" contains an AWS access key id; move it to a Secret, then revoke and rotate it.", "path": ["data", "aws"]},
		{"msg": "ConfigMap \"settings\" data key \"gh\" contains a GitHub token; move it to a Secret, then revoke and rotate it.", "path": ["data", "gh"]},
		{"msg": "ConfigMap \"settings\" data key \"slack\" contains a Slack token; move it to a Secret, then revoke and rotate it.", "path": ["data", "slack"]},
		{"msg": "ConfigMap \"settings\" data key \"jwt\" contains a JSON Web Token; move it to a Secret, then revoke and rotate it.", "path": ["data", "jwt"]},
		{"msg": "ConfigMap \"settings\" data key \"db\" contains a URL with a password; move it to a Secret, then revoke and rotate it.", "path": ["data", "db"]},
		{"msg": "ConfigMap \"settings\" data key \"both\" contains a URL with a password and an AWS access key id; move it to a Secret, then revoke and rotate it.", "path": ["data", "both"]},
	}
}

test_messages_never_contain_a_value if {
	got := rule.deny with input as configmap(values)
	count(got) == count(values)
	every f in got {
		every fragment in ["AKIAIOSFODNN7EXAMPLE", "Sup3rS3cret", "MIIEvQ", "ghp_R4nd0m", "xoxb-1765", "eyJhbGci"] {
			not contains(f.msg, fragment)
		}
	}
}

test_harmless_values_pass if {
	count(rule.deny) == 0 with input as configmap({"a": "", "b": "-----BEGIN CERTIFICATE-----", "c": "https://user@host/", "password": "plain"})
}

test_bad_input_passes if {
	count(rule.deny) == 0 with input as configmap({"a": 1, "b": null, "c": ["AKIAIOSFODNN7EXAMPLE"]})
	count(rule.deny) == 0 with input as configmap(["AKIAIOSFODNN7EXAMPLE"])
	count(rule.deny) == 0 with input as {"kind": "Secret", "data": {"aws": "AKIAIOSFODNN7EXAMPLE"}}
}

test_more_token_formats if {
	got := rule.deny with input as configmap({
		"gitlab": "token: glpat-AzSNIK3-LRcCtiroNGok",
		"maps": "key=AIzalScW_yejH7z6LBlnvEGm1vb4R1v0iEL20Mg",
		"stripe": "STRIPE=sk_live_0sgbOiv9JU1Bpk8QfvJSIhp4",
		"hf": "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",
		"hook": "url: https://hooks.slack.com/services/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",
		"redis": "redis://:hunter2-r3dis@redis-master:6379/0",
	})
	{[f.path[1], f.msg] | some f in got} == {
		["gitlab", "ConfigMap \"settings\" data key \"gitlab\" contains a GitLab token; move it to a Secret, then revoke and rotate it."],
		["maps", "ConfigMap \"settings\" data key \"maps\" contains a Google API key; move it to a Secret, then revoke and rotate it."],
		["stripe", "ConfigMap \"settings\" data key \"stripe\" contains a Stripe key; move it to a Secret, then revoke and rotate it."],
		["hf", "ConfigMap \"settings\" data key \"hf\" contains a Hugging Face token; move it to a Secret, then revoke and rotate it."],
		["hook", "ConfigMap \"settings\" data key \"hook\" contains a Slack webhook URL; move it to a Secret, then revoke and rotate it."],
		["redis", "ConfigMap \"settings\" data key \"redis\" contains a URL with a password; move it to a Secret, then revoke and rotate it."],
	}
}

test_url_whose_userinfo_is_references_passes if {
	count(rule.deny) == 0 with input as configmap({
		"db": "postgres://$(DB_USER):$(DB_PASSWORD)@db:5432/shop",
		"dsn": "mysql://${MYSQL_USER}:${MYSQL_PASSWORD}@mysql/app",
		"tpl": "amqp://{{ .Values.user }}:{{ .Values.password }}@rabbitmq/",
	})
}
