package kubeward.rules.pod.runtime_socket_mount_test

import data.kubeward.rules.pod.runtime_socket_mount as rule

test_docker_socket_in_daemonset if {
	got := rule.deny with input as {"kind": "DaemonSet", "spec": {"template": {"spec": {
		"volumes": [{"name": "sock", "hostPath": {"path": "/var/run/docker.sock", "type": "Socket"}}],
		"containers": [{"name": "agent", "volumeMounts": [
			{"name": "other", "mountPath": "/x"},
			{"name": "sock", "mountPath": "/var/run/docker.sock", "readOnly": true},
		]}],
	}}}}
	got == {{
		"msg": "container \"agent\" mounts hostPath \"/var/run/docker.sock\" (volume \"sock\"), a container runtime socket or its directory that gives root on the node; remove the volume and its mounts.",
		"path": ["spec", "template", "spec", "containers", 0, "volumeMounts", 1],
	}}
}

test_every_listed_path_fires if {
	every p in [
		"/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd/containerd.sock",
		"/run/containerd/containerd.sock", "/var/run/crio/crio.sock", "/run/crio/crio.sock",
		"/var/run/cri-dockerd.sock", "/var/run", "/run", "/var/run/docker", "/var/run/containerd",
		"/run/containerd", "/var/run/", "/run/containerd//containerd.sock",
	] {
		count(rule.deny) == 1 with input as {"kind": "Pod", "spec": {
			"volumes": [{"name": "v", "hostPath": {"path": p}}],
			"containers": [{"name": "c", "volumeMounts": [{"name": "v", "mountPath": "/m"}]}],
		}}
	}
}

test_each_mount_of_every_container_reported if {
	got := rule.deny with input as {"kind": "Pod", "spec": {
		"volumes": [{"name": "run", "hostPath": {"path": "/run/"}}],
		"initContainers": [{"name": "i", "volumeMounts": [{"name": "run", "mountPath": "/run"}]}],
		"ephemeralContainers": [{"name": "e", "volumeMounts": [{"name": "run", "mountPath": "/run"}]}],
	}}
	{f.path | some f in got} == {["spec", "initContainers", 0, "volumeMounts", 0], ["spec", "ephemeralContainers", 0, "volumeMounts", 0]}
}

test_other_paths_pass if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {
		"volumes": [
			{"name": "a", "hostPath": {"path": "/var/run/other.sock"}},
			{"name": "b", "hostPath": {"path": "/etc"}},
			{"name": "c", "emptyDir": {}},
			{"name": "d", "hostPath": {"path": 5}},
		],
		"containers": [{"name": "c", "volumeMounts": [{"name": "a"}, {"name": "b"}, {"name": "c"}, {"name": "d"}]}],
	}}
}

test_unmounted_volume_passes if {
	# The volume itself is PSS-004/PSS-016's business.
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"volumes": [{"name": "sock", "hostPath": {"path": "/var/run/docker.sock"}}], "containers": [{"name": "c"}]}}
}
