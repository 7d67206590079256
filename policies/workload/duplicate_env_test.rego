package kubeward.rules.workload.duplicate_env_test

import data.kubeward.rules.workload.duplicate_env

test_duplicate_in_cronjob if {
	got := duplicate_env.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{
		"name": "app",
		"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}, {"name": "A", "value": "3"}],
	}]}}}}}}
	got == {{
		"msg": "container \"app\" sets env \"A\" again at env[2] (first at env[0]); remove one of them (the last one wins).",
		"path": ["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "env", 2, "name"],
	}}
}

test_three_copies_give_two_findings if {
	got := duplicate_env.deny with input as {"kind": "Pod", "spec": {"initContainers": [{
		"name": "i",
		"env": [{"name": "X"}, {"name": "X", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}, {"name": "X"}],
	}]}}
	{f.path | some f in got} == {["spec", "initContainers", 0, "env", 1, "name"], ["spec", "initContainers", 0, "env", 2, "name"]}
	{f.msg | some f in got} == {
		"container \"i\" sets env \"X\" again at env[1] (first at env[0]); remove one of them (the last one wins).",
		"container \"i\" sets env \"X\" again at env[2] (first at env[0]); remove one of them (the last one wins).",
	}
}

test_unique_names_pass if {
	count(duplicate_env.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "env": [{"name": "A"}, {"name": "B"}], "envFrom": [{"configMapRef": {"name": "A"}}]},
		{"name": "b", "env": [{"name": "A"}]},
		{"name": "c", "env": {"A": "1"}},
		{"name": "d", "env": [{"value": "1"}, {"value": "2"}]},
	]}}
}
