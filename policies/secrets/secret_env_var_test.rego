package kubeward.rules.secrets.secret_env_var_test

import data.kubeward.rules.secrets.secret_env_var as rule

test_secret_key_ref_and_env_from_in_a_deployment if {
	got := rule.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{
		"name": "app",
		"env": [
			{"name": "MODE", "value": "x"},
			{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
			{"name": "CFG", "valueFrom": {"configMapKeyRef": {"name": "cfg", "key": "k"}}},
		],
		"envFrom": [{"configMapRef": {"name": "cfg"}}, {"secretRef": {"name": "api"}}],
	}]}}}}
	got == {
		{
			"msg": "container \"app\" reads key \"password\" of Secret \"db\" into env \"DB_PASSWORD\"; mount the Secret as a volume and read the file instead.",
			"path": ["spec", "template", "spec", "containers", 0, "env", 1, "valueFrom", "secretKeyRef"],
		},
		{
			"msg": "container \"app\" loads every key of Secret \"api\" as env vars (envFrom[1].secretRef); mount the Secret as a volume and read the files instead.",
			"path": ["spec", "template", "spec", "containers", 0, "envFrom", 1, "secretRef"],
		},
	}
}

test_init_container_of_a_job_with_unset_names if {
	got := rule.deny with input as {"kind": "Job", "spec": {"template": {"spec": {"initContainers": [{
		"name": "i",
		"env": [{"valueFrom": {"secretKeyRef": {}}}],
		"envFrom": [{"secretRef": {}}],
	}]}}}}
	{f.msg | some f in got} == {
		"container \"i\" reads key <unset> of Secret <unset> into env <unset>; mount the Secret as a volume and read the file instead.",
		"container \"i\" loads every key of Secret <unset> as env vars (envFrom[0].secretRef); mount the Secret as a volume and read the files instead.",
	}
}

test_secret_volumes_pass if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {
		"volumes": [{"name": "db", "secret": {"secretName": "db"}}],
		"containers": [{"name": "app", "volumeMounts": [{"name": "db", "mountPath": "/run/secrets/db"}], "env": [{"name": "A", "valueFrom": {"secretKeyRef": null}}], "envFrom": [{"secretRef": null}, "x"]}],
	}}
	count(rule.deny) == 0 with input as {"kind": "Secret", "data": {}}
}
