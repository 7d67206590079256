package kubeward.rules.controlplane.bind_address_not_loopback_test

import data.kubeward.rules.controlplane.bind_address_not_loopback

kcm(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-controller-manager", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-controller-manager", "image": "registry.k8s.io/kube-controller-manager:v1.34.1", "command": array.concat(["kube-controller-manager"], args)}]}}

sch(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-scheduler", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-scheduler", "image": "registry.k8s.io/kube-scheduler:v1.34.1", "command": array.concat(["kube-scheduler"], args)}]}}

test_absent_fires if {
	bind_address_not_loopback.deny == {{
		"msg": "container \"kube-scheduler\" does not set --bind-address (default: 0.0.0.0, every interface); set --bind-address=127.0.0.1.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as sch([])
}

test_all_interfaces_fires if {
	bind_address_not_loopback.deny == {{
		"msg": "container \"kube-controller-manager\" sets --bind-address=0.0.0.0, which is not a loopback address; set it to 127.0.0.1.",
		"path": ["spec", "containers", 0, "command", 1],
	}} with input as kcm(["--bind-address", "0.0.0.0"])
	count(bind_address_not_loopback.deny) == 1 with input as sch(["--bind-address=192.168.0.10"])
	count(bind_address_not_loopback.deny) == 1 with input as sch(["--bind-address=::"])
}

test_loopback_passes if {
	count(bind_address_not_loopback.deny) == 0 with input as kcm(["--bind-address=127.0.0.1"])
	count(bind_address_not_loopback.deny) == 0 with input as sch(["--bind-address=::1"])
	count(bind_address_not_loopback.deny) == 0 with input as sch(["--bind-address=localhost"])
}

test_api_server_is_not_concerned if {
	count(bind_address_not_loopback.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a", "command": ["kube-apiserver"]}]}}
}
