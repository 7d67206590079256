package kubeward.rules.pss.proc_mount_restricted_test

import data.kubeward.rules.pss.proc_mount_restricted

test_unmasked_in_cronjob if {
	got := proc_mount_restricted.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "app", "securityContext": {"procMount": "Unmasked"}}]}}}}}}
	got == {{
		"msg": "container \"app\" sets securityContext.procMount=\"Unmasked\"; remove it or set it to Default.",
		"path": ["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "securityContext", "procMount"],
	}}
}

test_user_namespace_does_not_relax if {
	got := proc_mount_restricted.deny with input as {"kind": "Pod", "spec": {
		"hostUsers": false,
		"initContainers": [{"name": "i", "securityContext": {"procMount": "Unmasked"}}],
	}}
	{f.path | some f in got} == {["spec", "initContainers", 0, "securityContext", "procMount"]}
}

test_unset_or_default_passes if {
	count(proc_mount_restricted.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a"},
		{"name": "b", "securityContext": {"procMount": "Default"}},
	]}}
}
