package kubeward.rules.pss.privileged_test

import data.kubeward.rules.pss.privileged

test_privileged_container_in_deployment if {
	got := privileged.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [
		{"name": "ok"},
		{"name": "app", "securityContext": {"privileged": true}},
	]}}}}
	got == {{
		"msg": "container \"app\" sets securityContext.privileged=true; remove it or set it to false.",
		"path": ["spec", "template", "spec", "containers", 1, "securityContext", "privileged"],
	}}
}

test_privileged_init_and_ephemeral_containers if {
	got := privileged.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "init", "securityContext": {"privileged": true}}],
		"ephemeralContainers": [{"name": "debug", "securityContext": {"privileged": true}}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "securityContext", "privileged"],
		["spec", "ephemeralContainers", 0, "securityContext", "privileged"],
	}
}

test_privileged_in_cronjob if {
	got := privileged.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "c", "securityContext": {"privileged": true}}]}}}}}}
	{f.path | some f in got} == {["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "securityContext", "privileged"]}
}

test_not_privileged_passes if {
	count(privileged.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a"},
		{"name": "b", "securityContext": {"privileged": false}},
		{"name": "c", "securityContext": {}},
	]}}
}

test_string_true_is_not_privileged if {
	# PSA compares the boolean; a string is a type error the loader reports as invalid.
	count(privileged.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"privileged": "true"}}]}}
}
