package kubeward.rules.secrets.command_line_credential_test

import data.kubeward.rules.secrets.command_line_credential as rule

test_credentials_in_command_and_args_of_a_deployment if {
	got := rule.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{
		"name": "app",
		"command": ["sh", "-c", "exec server --token=abcd1234XyZ09876 --api-key Hx7q2Lm9Pz4Kw8Rt"],
		"args": ["--host=db", "--password=hunter2-value", "--password=$(DB_PASSWORD)"],
	}]}}}}
	got == {
		{
			"msg": "container \"app\" passes a literal value to --api-key, --token in command[2]; pass it as $(VAR) from an env var with valueFrom.secretKeyRef, or read it from a mounted Secret file.",
			"path": ["spec", "template", "spec", "containers", 0, "command", 2],
		},
		{
			"msg": "container \"app\" passes a literal value to --password in args[1]; pass it as $(VAR) from an env var with valueFrom.secretKeyRef, or read it from a mounted Secret file.",
			"path": ["spec", "template", "spec", "containers", 0, "args", 1],
		},
	}
	every f in got {
		not contains(f.msg, "hunter2")
		not contains(f.msg, "abcd1234")
		not contains(f.msg, "Hx7q")
	}
}

test_init_container_of_a_cronjob if {
	got := rule.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"initContainers": [{"name": "i", "args": ["-client_secret=x"]}]}}}}}}
	{f.path | some f in got} == {["spec", "jobTemplate", "spec", "template", "spec", "initContainers", 0, "args", 0]}
}

test_var_references_and_other_flags_pass if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{
		"name": "app",
		"command": ["server", "--password=$(DB_PASSWORD)", "--token-file=/var/run/secrets/token", "--secret-name=db"],
		"args": ["--password", "$(DB_PASSWORD)", 3, null],
	}]}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{
		"name": "etcd",
		"command": ["etcd", "--initial-cluster-token=etcd-cluster-k8s", "--client-cert-auth=true", "--auto-tls=false"],
		"args": ["--enable-token=false", "--token 3600", "--password=<password>", "--api-key=${API_KEY}"],
	}]}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "app", "args": "--password=x"}]}}
	count(rule.deny) == 0 with input as {"kind": "Service", "spec": {"args": ["--password=x"]}}
}
