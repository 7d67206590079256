package kubeward.rules.pod.sensitive_host_path_mount_test

import data.kubeward.rules.pod.sensitive_host_path_mount as rule

test_etc_in_deployment if {
	got := rule.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {
		"volumes": [{"name": "etc", "hostPath": {"path": "/etc/"}}],
		"containers": [{"name": "app", "volumeMounts": [{"name": "etc", "mountPath": "/host/etc", "readOnly": true}]}],
	}}}}
	got == {{
		"msg": "container \"app\" mounts sensitive host path \"/etc/\" (volume \"etc\"); remove the hostPath volume or mount a narrow, non-sensitive directory instead.",
		"path": ["spec", "template", "spec", "containers", 0, "volumeMounts", 0],
	}}
}

test_every_listed_path_fires if {
	every p in [
		"/", "//", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/root", "/sys", "/usr",
		"/var/lib/kubelet", "/var/lib/etcd", "/var/lib/docker", "/var/lib/containerd",
		"/etc/kubernetes/pki", "/var/lib/kubelet/pods/", "/usr//bin", "/proc/1/root",
	] {
		count(rule.deny) == 1 with input as {"kind": "Pod", "spec": {
			"volumes": [{"name": "v", "hostPath": {"path": p}}],
			"containers": [{"name": "c", "volumeMounts": [{"name": "v", "mountPath": "/m"}]}],
		}}
	}
}

test_other_paths_pass if {
	every p in ["/etcfoo", "/var/lib", "/var/log", "/data", "/home/user", "/var/lib/kubeletx"] {
		count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {
			"volumes": [{"name": "v", "hostPath": {"path": p}}],
			"containers": [{"name": "c", "volumeMounts": [{"name": "v", "mountPath": "/m"}]}],
		}}
	}
}

test_runtime_socket_paths_skipped if {
	# POD-011 reports them.
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {
		"volumes": [{"name": "v", "hostPath": {"path": "/run/containerd/containerd.sock"}}],
		"containers": [{"name": "c", "volumeMounts": [{"name": "v", "mountPath": "/m"}]}],
	}}
}

test_non_hostpath_and_wrong_types_pass if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {
		"volumes": [{"name": "v", "configMap": {"name": "etc"}}, {"name": "w", "hostPath": "/etc"}],
		"containers": [{"name": "c", "volumeMounts": [{"name": "v", "mountPath": "/etc"}, {"name": "w", "mountPath": "/w"}]}, {"name": "d", "volumeMounts": "v"}],
	}}
}
