package kubeward.rules.pod.writable_root_filesystem_test

import data.kubeward.rules.pod.writable_root_filesystem as rule

test_unset_and_false_in_deployment if {
	got := rule.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {
		"initContainers": [{"name": "init", "securityContext": {"readOnlyRootFilesystem": false}}],
		"containers": [
			{"name": "app"},
			{"name": "ok", "securityContext": {"readOnlyRootFilesystem": true}},
		],
	}}}}
	got == {
		{
			"msg": "container \"init\" sets securityContext.readOnlyRootFilesystem=false; set it to true and mount an emptyDir volume where the container must write.",
			"path": ["spec", "template", "spec", "initContainers", 0, "securityContext", "readOnlyRootFilesystem"],
		},
		{
			"msg": "container \"app\" does not set securityContext.readOnlyRootFilesystem (default: false); set it to true and mount an emptyDir volume where the container must write.",
			"path": ["spec", "template", "spec", "containers", 0, "securityContext", "readOnlyRootFilesystem"],
		},
	}
}

test_ephemeral_containers_skipped if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"ephemeralContainers": [{"name": "debug"}]}}
}

test_read_only_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"readOnlyRootFilesystem": true}}]}}
}

test_windows_pod_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"os": {"name": "windows"}, "containers": [{"name": "a"}]}}
}

test_wrong_types if {
	got := rule.deny with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "s", "securityContext": {"readOnlyRootFilesystem": "true"}},
		{"name": "n", "securityContext": {"readOnlyRootFilesystem": null}},
		{"name": "b", "securityContext": "bad"},
	]}}
	{f.msg | some f in got} == {
		"container \"s\" sets securityContext.readOnlyRootFilesystem=\"true\"; set it to true and mount an emptyDir volume where the container must write.",
		"container \"n\" does not set securityContext.readOnlyRootFilesystem (default: false); set it to true and mount an emptyDir volume where the container must write.",
		"container \"b\" does not set securityContext.readOnlyRootFilesystem (default: false); set it to true and mount an emptyDir volume where the container must write.",
	}
}
