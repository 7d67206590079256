package kubeward.rules.pss.host_ports_test

import data.kubeward.rules.pss.host_ports

test_host_port_in_replicaset if {
	got := host_ports.deny with input as {"kind": "ReplicaSet", "spec": {"template": {"spec": {"containers": [{"name": "web", "ports": [
		{"containerPort": 80},
		{"containerPort": 443, "hostPort": 8443},
	]}]}}}}
	got == {{
		"msg": "container \"web\" sets ports[1].hostPort=8443; remove it or set it to 0.",
		"path": ["spec", "template", "spec", "containers", 0, "ports", 1, "hostPort"],
	}}
}

test_every_container_list if {
	got := host_ports.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "ports": [{"hostPort": 1}]}],
		"ephemeralContainers": [{"name": "e", "ports": [{"hostPort": 2}]}],
	}}
	{f.path | some f in got} == {["spec", "initContainers", 0, "ports", 0, "hostPort"], ["spec", "ephemeralContainers", 0, "ports", 0, "hostPort"]}
}

test_unset_or_zero_passes if {
	count(host_ports.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "ports": [{"containerPort": 80}, {"containerPort": 81, "hostPort": 0}, {"hostPort": null}]},
		{"name": "b", "ports": "80"},
		{"name": "c"},
	]}}
}
