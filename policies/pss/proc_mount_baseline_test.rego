package kubeward.rules.pss.proc_mount_baseline_test

import data.kubeward.rules.pss.proc_mount_baseline

test_unmasked_in_deployment if {
	got := proc_mount_baseline.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "securityContext": {"procMount": "Default"}},
		{"name": "app", "securityContext": {"procMount": "Unmasked"}},
	]}}}}
	got == {{
		"msg": "container \"app\" sets securityContext.procMount=\"Unmasked\"; remove it or set it to Default.",
		"path": ["spec", "template", "spec", "containers", 1, "securityContext", "procMount"],
	}}
}

test_any_other_value_and_every_list if {
	got := proc_mount_baseline.deny with input as {"kind": "Pod", "spec": {
		"hostUsers": true,
		"initContainers": [{"name": "i", "securityContext": {"procMount": "default"}}],
		"ephemeralContainers": [{"name": "e", "securityContext": {"procMount": ""}}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "securityContext", "procMount"],
		["spec", "ephemeralContainers", 0, "securityContext", "procMount"],
	}
}

test_unset_or_default_passes if {
	count(proc_mount_baseline.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a"},
		{"name": "b", "securityContext": {"procMount": "Default"}},
		{"name": "c", "securityContext": {"procMount": null}},
	]}}
}

test_user_namespace_allows_any_value if {
	count(proc_mount_baseline.deny) == 0 with input as {"kind": "Pod", "spec": {
		"hostUsers": false,
		"containers": [{"name": "a", "securityContext": {"procMount": "Unmasked"}}],
	}}
}
