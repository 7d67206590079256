package kubeward.rules.pod.root_group_test

import data.kubeward.rules.pod.root_group as rule

test_every_way_in_statefulset if {
	got := rule.deny with input as {"kind": "StatefulSet", "spec": {"template": {"spec": {
		"securityContext": {"runAsGroup": 0, "fsGroup": 0, "supplementalGroups": [10, 0]},
		"containers": [
			{"name": "inherits"},
			{"name": "own", "securityContext": {"runAsGroup": 0}},
			{"name": "ok", "securityContext": {"runAsGroup": 10001}},
		],
	}}}}
	got == {
		{
			"msg": "container \"inherits\" runs with securityContext.runAsGroup=0 (from the pod), the root group; set a non-zero GID of 10000 or more.",
			"path": ["spec", "template", "spec", "securityContext", "runAsGroup"],
		},
		{
			"msg": "container \"own\" runs with securityContext.runAsGroup=0, the root group; set a non-zero GID of 10000 or more.",
			"path": ["spec", "template", "spec", "containers", 1, "securityContext", "runAsGroup"],
		},
		{
			"msg": "the pod sets securityContext.fsGroup=0, which gives its volumes and containers the root group; set a non-zero GID of 10000 or more.",
			"path": ["spec", "template", "spec", "securityContext", "fsGroup"],
		},
		{
			"msg": "the pod lists group 0 in securityContext.supplementalGroups[1], which adds the root group to every container; remove it.",
			"path": ["spec", "template", "spec", "securityContext", "supplementalGroups", 1],
		},
	}
}

test_unset_and_non_zero_pass if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a"}]}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {
		"securityContext": {"runAsGroup": 10000, "fsGroup": 10000, "supplementalGroups": [10000]},
		"containers": [{"name": "a"}],
	}}
}

test_user_namespace_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {
		"hostUsers": false,
		"securityContext": {"runAsGroup": 0, "fsGroup": 0, "supplementalGroups": [0]},
		"containers": [{"name": "a"}],
	}}
}

test_ephemeral_skipped_and_wrong_types if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"ephemeralContainers": [{"name": "e", "securityContext": {"runAsGroup": 0}}]}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"securityContext": {"fsGroup": "0", "supplementalGroups": {"a": 0}}}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"securityContext": {"supplementalGroups": "0"}}}
}
