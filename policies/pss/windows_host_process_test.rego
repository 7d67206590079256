package kubeward.rules.pss.windows_host_process_test

import data.kubeward.rules.pss.windows_host_process

test_pod_and_container_in_daemonset if {
	got := windows_host_process.deny with input as {"kind": "DaemonSet", "spec": {"template": {"spec": {
		"os": {"name": "windows"},
		"securityContext": {"windowsOptions": {"hostProcess": true}},
		"containers": [{"name": "ok"}, {"name": "app", "securityContext": {"windowsOptions": {"hostProcess": true}}}],
	}}}}
	got == {
		{
			"msg": "the pod sets securityContext.windowsOptions.hostProcess=true; remove it or set it to false.",
			"path": ["spec", "template", "spec", "securityContext", "windowsOptions", "hostProcess"],
		},
		{
			"msg": "container \"app\" sets securityContext.windowsOptions.hostProcess=true; remove it or set it to false.",
			"path": ["spec", "template", "spec", "containers", 1, "securityContext", "windowsOptions", "hostProcess"],
		},
	}
}

test_init_and_ephemeral if {
	got := windows_host_process.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "securityContext": {"windowsOptions": {"hostProcess": true}}}],
		"ephemeralContainers": [{"name": "e", "securityContext": {"windowsOptions": {"hostProcess": true}}}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "securityContext", "windowsOptions", "hostProcess"],
		["spec", "ephemeralContainers", 0, "securityContext", "windowsOptions", "hostProcess"],
	}
}

test_unset_or_false_passes if {
	count(windows_host_process.deny) == 0 with input as {"kind": "Pod", "spec": {
		"securityContext": {"windowsOptions": {"hostProcess": false}},
		"containers": [
			{"name": "a"},
			{"name": "b", "securityContext": {"windowsOptions": {}}},
			{"name": "c", "securityContext": {"windowsOptions": {"hostProcess": false, "runAsUserName": "x"}}},
		],
	}}
}
