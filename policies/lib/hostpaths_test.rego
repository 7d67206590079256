package kubeward.lib.hostpaths_test

import data.kubeward.lib.hostpaths

test_normalize if {
	hostpaths.normalize("/var/run/docker.sock/") == "/var/run/docker.sock"
	hostpaths.normalize("/var//run///docker.sock") == "/var/run/docker.sock"
	hostpaths.normalize("/var/./run/") == "/var/run"
	hostpaths.normalize("/") == "/"
	hostpaths.normalize("//") == "/"
	hostpaths.normalize("/etc") == "/etc"
	hostpaths.normalize("relative/x/") == "relative/x/"
	hostpaths.normalize(5) == 5
}

test_runtime_socket if {
	every p in ["/var/run/docker.sock", "/run/docker.sock/", "/var/run/containerd/containerd.sock", "/run/crio/crio.sock", "/var/run/cri-dockerd.sock", "/var/run", "/run/", "//run//containerd"] {
		hostpaths.is_runtime_socket(p)
	}
	every p in ["/var/run/other.sock", "/var", "/run/user/1000", "/var/lib/docker", "", "var/run"] {
		not hostpaths.is_runtime_socket(p)
	}
}

test_sensitive if {
	every p in ["/", "//", "/etc", "/etc/", "/etc/kubernetes", "/etc//ssl", "/proc/1", "/var/lib/kubelet/pods", "/lib64", "/usr/bin", "/dev/mem", "/root/.ssh"] {
		hostpaths.is_sensitive(p)
	}
	every p in ["/etcfoo", "/var/lib", "/var/lib/kubeletx", "/data", "/var/log", "etc", "", "/var/run/docker.sock"] {
		not hostpaths.is_sensitive(p)
	}
}

pod := {"kind": "Deployment", "spec": {"template": {"spec": {
	"volumes": [
		{"name": "sock", "hostPath": {"path": "/var/run/docker.sock"}},
		{"name": "etc", "hostPath": {"path": "/etc/"}},
		{"name": "data", "hostPath": {"path": "/data"}},
		{"name": "tmp", "emptyDir": {}},
		{"name": "nopath", "hostPath": {}},
		{"name": "nullhp", "hostPath": null},
	],
	"initContainers": [{"name": "i", "volumeMounts": [{"name": "data", "mountPath": "/d", "readOnly": true}]}],
	"containers": [
		{"name": "a", "volumeMounts": [
			{"name": "sock", "mountPath": "/s"},
			{"name": "etc", "mountPath": "/e"},
			{"name": "data", "mountPath": "/d"},
			{"name": "tmp", "mountPath": "/t"},
			{"name": "nopath", "mountPath": "/n"},
			{"name": "nullhp", "mountPath": "/x"},
			"bad",
		]},
		{"name": "b", "volumeMounts": {"name": "data"}},
	],
	"ephemeralContainers": [{"name": "e", "volumeMounts": [{"name": "data", "mountPath": "/d", "readOnly": false}]}],
}}}}

test_mounts if {
	ms := hostpaths.mounts with input as pod
	{[m.container.name, m.volume, m.host_path, m.path] | some m in ms} == {
		["i", "data", "/data", ["spec", "template", "spec", "initContainers", 0, "volumeMounts", 0]],
		["a", "sock", "/var/run/docker.sock", ["spec", "template", "spec", "containers", 0, "volumeMounts", 0]],
		["a", "etc", "/etc/", ["spec", "template", "spec", "containers", 0, "volumeMounts", 1]],
		["a", "data", "/data", ["spec", "template", "spec", "containers", 0, "volumeMounts", 2]],
		["a", "nopath", "", ["spec", "template", "spec", "containers", 0, "volumeMounts", 4]],
		["e", "data", "/data", ["spec", "template", "spec", "ephemeralContainers", 0, "volumeMounts", 0]],
	}
}

test_one_row_per_mount if {
	ms := hostpaths.mounts with input as pod
	{m.path[6] | some m in ms; hostpaths.socket_mount(m)} == {0}
	{[m.container.name, m.path[6]] | some m in ms; hostpaths.sensitive_mount(m)} == {["a", 1]}
	{[m.container.name, m.volume] | some m in ms; hostpaths.writable_mount(m)} == {["a", "data"], ["a", "nopath"], ["e", "data"]}
}
