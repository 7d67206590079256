package kubeward.rules.pss.run_as_non_root_test

import data.kubeward.rules.pss.run_as_non_root

test_every_way_it_fires_in_statefulset if {
	got := run_as_non_root.deny with input as {"kind": "StatefulSet", "spec": {"template": {"spec": {
		"securityContext": {"runAsNonRoot": false},
		"containers": [
			{"name": "ok", "securityContext": {"runAsNonRoot": true}},
			{"name": "root", "securityContext": {"runAsNonRoot": false}},
			{"name": "unset", "securityContext": {"runAsUser": 1000}},
		],
	}}}}
	got == {
		{
			"msg": "the pod sets securityContext.runAsNonRoot=false; set it to true.",
			"path": ["spec", "template", "spec", "securityContext", "runAsNonRoot"],
		},
		{
			"msg": "container \"root\" sets securityContext.runAsNonRoot=false; set it to true.",
			"path": ["spec", "template", "spec", "containers", 1, "securityContext", "runAsNonRoot"],
		},
		{
			"msg": "container \"unset\" does not set securityContext.runAsNonRoot and the pod does not set it to true (default: not enforced); set it to true.",
			"path": ["spec", "template", "spec", "containers", 2, "securityContext", "runAsNonRoot"],
		},
	}
}

test_container_false_overrides_pod_true if {
	got := run_as_non_root.deny with input as {"kind": "Pod", "spec": {
		"securityContext": {"runAsNonRoot": true},
		"initContainers": [{"name": "i", "securityContext": {"runAsNonRoot": false}}],
		"containers": [{"name": "c"}],
	}}
	{f.path | some f in got} == {["spec", "initContainers", 0, "securityContext", "runAsNonRoot"]}
}

test_unset_everywhere_fires_per_container_even_on_windows if {
	got := run_as_non_root.deny with input as {"kind": "Pod", "spec": {
		"os": {"name": "windows"},
		"containers": [{"name": "c"}],
		"ephemeralContainers": [{"name": "e", "securityContext": {"runAsNonRoot": null}}],
	}}
	{f.path | some f in got} == {
		["spec", "containers", 0, "securityContext", "runAsNonRoot"],
		["spec", "ephemeralContainers", 0, "securityContext", "runAsNonRoot"],
	}
}

test_pod_true_passes if {
	count(run_as_non_root.deny) == 0 with input as {"kind": "Pod", "spec": {
		"securityContext": {"runAsNonRoot": true},
		"containers": [{"name": "a"}, {"name": "b", "securityContext": {"runAsNonRoot": true}}],
	}}
}

test_every_container_true_passes if {
	count(run_as_non_root.deny) == 0 with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "securityContext": {"runAsNonRoot": true}}],
		"containers": [{"name": "a", "securityContext": {"runAsNonRoot": true}}],
	}}
}

test_user_namespace_passes if {
	count(run_as_non_root.deny) == 0 with input as {"kind": "Pod", "spec": {
		"hostUsers": false,
		"securityContext": {"runAsNonRoot": false},
		"containers": [{"name": "a", "securityContext": {"runAsNonRoot": false}}, {"name": "b"}],
	}}
}
