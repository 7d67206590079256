package kubeward.rules.pod.writable_host_path_mount_test

import data.kubeward.rules.pod.writable_host_path_mount as rule

test_writable_mounts_in_job if {
	got := rule.deny with input as {"kind": "Job", "spec": {"template": {"spec": {
		"volumes": [{"name": "data", "hostPath": {"path": "/data"}}, {"name": "logs", "hostPath": {"path": "/var/log"}}],
		"containers": [{"name": "app", "volumeMounts": [
			{"name": "data", "mountPath": "/data"},
			{"name": "logs", "mountPath": "/logs", "readOnly": false},
			{"name": "data", "mountPath": "/ro", "readOnly": true},
		]}],
	}}}}
	got == {
		{
			"msg": "container \"app\" does not set readOnly (default: false, writable) on its mount of hostPath \"/data\" (volume \"data\"); set readOnly to true or use a non-hostPath volume.",
			"path": ["spec", "template", "spec", "containers", 0, "volumeMounts", 0, "readOnly"],
		},
		{
			"msg": "container \"app\" sets readOnly=false on its mount of hostPath \"/var/log\" (volume \"logs\"); set readOnly to true or use a non-hostPath volume.",
			"path": ["spec", "template", "spec", "containers", 0, "volumeMounts", 1, "readOnly"],
		},
	}
}

test_ephemeral_and_init_containers if {
	got := rule.deny with input as {"kind": "Pod", "spec": {
		"volumes": [{"name": "d", "hostPath": {"path": "/data"}}],
		"initContainers": [{"name": "i", "volumeMounts": [{"name": "d", "mountPath": "/d"}]}],
		"ephemeralContainers": [{"name": "e", "volumeMounts": [{"name": "d", "mountPath": "/d", "readOnly": "true"}]}],
	}}
	{f.msg | some f in got} == {
		"container \"i\" does not set readOnly (default: false, writable) on its mount of hostPath \"/data\" (volume \"d\"); set readOnly to true or use a non-hostPath volume.",
		"container \"e\" sets readOnly=\"true\" on its mount of hostPath \"/data\" (volume \"d\"); set readOnly to true or use a non-hostPath volume.",
	}
}

test_read_only_and_non_hostpath_pass if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {
		"volumes": [{"name": "d", "hostPath": {"path": "/data"}}, {"name": "t", "emptyDir": {}}],
		"containers": [{"name": "c", "volumeMounts": [{"name": "d", "mountPath": "/d", "readOnly": true}, {"name": "t", "mountPath": "/t"}]}],
	}}
}

test_mounts_of_pod_011_and_pod_012_skipped if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {
		"volumes": [{"name": "sock", "hostPath": {"path": "/var/run/docker.sock"}}, {"name": "etc", "hostPath": {"path": "/etc"}}],
		"containers": [{"name": "c", "volumeMounts": [{"name": "sock", "mountPath": "/s"}, {"name": "etc", "mountPath": "/e"}]}],
	}}
}
