package kubeward.rules.pod.low_uid_test

import data.kubeward.rules.pod.low_uid as rule

test_container_and_inherited_uid_in_deployment if {
	got := rule.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {
		"securityContext": {"runAsUser": 1000},
		"initContainers": [{"name": "init"}],
		"containers": [
			{"name": "app", "securityContext": {"runAsUser": 9999}},
			{"name": "ok", "securityContext": {"runAsUser": 10000}},
		],
	}}}}
	got == {
		{
			"msg": "container \"init\" runs with securityContext.runAsUser=1000 (from the pod), a UID below 10000 that may match a host user; set a UID of 10000 or more.",
			"path": ["spec", "template", "spec", "securityContext", "runAsUser"],
		},
		{
			"msg": "container \"app\" runs with securityContext.runAsUser=9999, a UID below 10000 that may match a host user; set a UID of 10000 or more.",
			"path": ["spec", "template", "spec", "containers", 0, "securityContext", "runAsUser"],
		},
	}
}

test_uid_one_fires if {
	got := rule.deny with input as {"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"runAsUser": 1}}]}}
	{f.path | some f in got} == {["spec", "containers", 0, "securityContext", "runAsUser"]}
}

test_unset_zero_high_pass if {
	# Unset is PSS-017's business, 0 is PSS-018's.
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "unset"},
		{"name": "root", "securityContext": {"runAsUser": 0}},
		{"name": "high", "securityContext": {"runAsUser": 65534}},
	]}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"securityContext": {"runAsUser": 0}, "containers": [{"name": "a"}]}}
}

test_container_overrides_pod if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"securityContext": {"runAsUser": 100}, "containers": [{"name": "a", "securityContext": {"runAsUser": 20000}}]}}
}

test_user_namespace_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"hostUsers": false, "containers": [{"name": "a", "securityContext": {"runAsUser": 1000}}]}}
}

test_ephemeral_skipped_and_wrong_types if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"ephemeralContainers": [{"name": "e", "securityContext": {"runAsUser": 1000}}]}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"runAsUser": "1000"}}]}}
}
