package kubeward.rules.pss.host_path_volumes_test

import data.kubeward.rules.pss.host_path_volumes

test_host_path_volume_in_daemonset if {
	got := host_path_volumes.deny with input as {"kind": "DaemonSet", "spec": {"template": {"spec": {"volumes": [
		{"name": "cfg", "configMap": {"name": "c"}},
		{"name": "root", "hostPath": {"path": "/", "type": "Directory"}},
	]}}}}
	got == {{
		"msg": "volume \"root\" mounts the node's path \"/\" with hostPath; use a non-host volume type instead.",
		"path": ["spec", "template", "spec", "volumes", 1, "hostPath"],
	}}
}

test_empty_host_path_fires if {
	got := host_path_volumes.deny with input as {"kind": "Pod", "spec": {"volumes": [{"name": "h", "hostPath": {}}]}}
	got == {{
		"msg": "volume \"h\" mounts the node's path \"\" with hostPath; use a non-host volume type instead.",
		"path": ["spec", "volumes", 0, "hostPath"],
	}}
}

test_no_host_path_passes if {
	count(host_path_volumes.deny) == 0 with input as {"kind": "Pod", "spec": {"volumes": [
		{"name": "a", "emptyDir": {}},
		{"name": "b", "hostPath": null},
		{"name": "c"},
	]}}
}
