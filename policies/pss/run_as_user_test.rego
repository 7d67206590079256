package kubeward.rules.pss.run_as_user_test

import data.kubeward.rules.pss.run_as_user

test_pod_and_container_root_in_replicationcontroller if {
	got := run_as_user.deny with input as {"kind": "ReplicationController", "spec": {"template": {"spec": {
		"securityContext": {"runAsUser": 0},
		"containers": [{"name": "ok", "securityContext": {"runAsUser": 1000}}, {"name": "app", "securityContext": {"runAsUser": 0}}],
	}}}}
	got == {
		{
			"msg": "the pod sets securityContext.runAsUser=0; set a non-zero user ID.",
			"path": ["spec", "template", "spec", "securityContext", "runAsUser"],
		},
		{
			"msg": "container \"app\" sets securityContext.runAsUser=0; set a non-zero user ID.",
			"path": ["spec", "template", "spec", "containers", 1, "securityContext", "runAsUser"],
		},
	}
}

test_init_and_ephemeral if {
	got := run_as_user.deny with input as {"kind": "Pod", "spec": {
		"hostUsers": true,
		"initContainers": [{"name": "i", "securityContext": {"runAsUser": 0}}],
		"ephemeralContainers": [{"name": "e", "securityContext": {"runAsUser": 0}}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "securityContext", "runAsUser"],
		["spec", "ephemeralContainers", 0, "securityContext", "runAsUser"],
	}
}

test_unset_or_non_zero_passes if {
	count(run_as_user.deny) == 0 with input as {"kind": "Pod", "spec": {
		"securityContext": {"runAsUser": 1},
		"containers": [{"name": "a"}, {"name": "b", "securityContext": {"runAsUser": 65534}}, {"name": "c", "securityContext": {"runAsUser": null}}],
	}}
}

test_user_namespace_passes if {
	count(run_as_user.deny) == 0 with input as {"kind": "Pod", "spec": {
		"hostUsers": false,
		"securityContext": {"runAsUser": 0},
		"containers": [{"name": "a", "securityContext": {"runAsUser": 0}}],
	}}
}
