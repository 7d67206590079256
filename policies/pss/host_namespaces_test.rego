package kubeward.rules.pss.host_namespaces_test

import data.kubeward.rules.pss.host_namespaces

test_each_host_namespace_is_one_finding if {
	got := host_namespaces.deny with input as {"kind": "DaemonSet", "spec": {"template": {"spec": {
		"hostNetwork": true, "hostPID": true, "hostIPC": true,
		"containers": [{"name": "a"}],
	}}}}
	got == {
		{"msg": "the pod sets hostNetwork=true; remove it or set it to false.", "path": ["spec", "template", "spec", "hostNetwork"]},
		{"msg": "the pod sets hostPID=true; remove it or set it to false.", "path": ["spec", "template", "spec", "hostPID"]},
		{"msg": "the pod sets hostIPC=true; remove it or set it to false.", "path": ["spec", "template", "spec", "hostIPC"]},
	}
}

test_host_network_pod if {
	got := host_namespaces.deny with input as {"kind": "Pod", "spec": {"hostNetwork": true}}
	{f.path | some f in got} == {["spec", "hostNetwork"]}
}

test_host_pid_only if {
	got := host_namespaces.deny with input as {"kind": "Job", "spec": {"template": {"spec": {"hostPID": true}}}}
	{f.path | some f in got} == {["spec", "template", "spec", "hostPID"]}
}

test_host_ipc_only if {
	got := host_namespaces.deny with input as {"kind": "PodTemplate", "template": {"spec": {"hostIPC": true}}}
	{f.path | some f in got} == {["template", "spec", "hostIPC"]}
}

test_unset_or_false_passes if {
	count(host_namespaces.deny) == 0 with input as {"kind": "Pod", "spec": {"hostNetwork": false, "hostPID": false}}
	count(host_namespaces.deny) == 0 with input as {"kind": "Pod", "spec": {}}
}
