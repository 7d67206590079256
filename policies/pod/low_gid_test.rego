package kubeward.rules.pod.low_gid_test

import data.kubeward.rules.pod.low_gid as rule

test_container_and_inherited_gid_in_cronjob if {
	got := rule.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {
		"securityContext": {"runAsGroup": 1000},
		"containers": [
			{"name": "a"},
			{"name": "b", "securityContext": {"runAsGroup": 1}},
			{"name": "ok", "securityContext": {"runAsGroup": 10000}},
		],
	}}}}}}
	got == {
		{
			"msg": "container \"a\" runs with securityContext.runAsGroup=1000 (from the pod), a GID below 10000 that may match a host group; set a GID of 10000 or more.",
			"path": ["spec", "jobTemplate", "spec", "template", "spec", "securityContext", "runAsGroup"],
		},
		{
			"msg": "container \"b\" runs with securityContext.runAsGroup=1, a GID below 10000 that may match a host group; set a GID of 10000 or more.",
			"path": ["spec", "jobTemplate", "spec", "template", "spec", "containers", 1, "securityContext", "runAsGroup"],
		},
	}
}

test_unset_zero_high_pass if {
	# 0 is POD-009's business.
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "unset"},
		{"name": "root", "securityContext": {"runAsGroup": 0}},
		{"name": "high", "securityContext": {"runAsGroup": 10000}},
	]}}
}

test_user_namespace_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"hostUsers": false, "securityContext": {"runAsGroup": 5}, "containers": [{"name": "a"}]}}
}

test_ephemeral_skipped_and_wrong_types if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"ephemeralContainers": [{"name": "e", "securityContext": {"runAsGroup": 5}}]}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"runAsGroup": true}}]}}
}
