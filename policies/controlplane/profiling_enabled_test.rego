package kubeward.rules.controlplane.profiling_enabled_test

import data.kubeward.rules.controlplane.profiling_enabled

sch(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-scheduler", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-scheduler", "image": "registry.k8s.io/kube-scheduler:v1.34.1", "command": array.concat(["kube-scheduler"], args)}]}}

kcm(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-controller-manager", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-controller-manager", "image": "registry.k8s.io/kube-controller-manager:v1.34.1", "command": array.concat(["kube-controller-manager"], args)}]}}

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_absent_fires if {
	profiling_enabled.deny == {{
		"msg": "container \"kube-scheduler\" does not set --profiling (default: true, /debug/pprof is served); set --profiling=false.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as sch(["--bind-address=127.0.0.1"])
	count(profiling_enabled.deny) == 1 with input as kcm([])
	count(profiling_enabled.deny) == 1 with input as api([])
}

test_true_fires if {
	profiling_enabled.deny == {{
		"msg": "container \"kube-controller-manager\" sets --profiling=true (/debug/pprof is served); set it to false.",
		"path": ["spec", "containers", 0, "command", 1],
	}} with input as kcm(["--profiling", "false"])
}

test_false_passes if {
	count(profiling_enabled.deny) == 0 with input as sch(["--profiling=false"])
	count(profiling_enabled.deny) == 0 with input as api(["--profiling=0"])
}

test_etcd_is_not_concerned if {
	count(profiling_enabled.deny) == 0 with input as {"kind": "Pod", "metadata": {"namespace": "kube-system"}, "spec": {"containers": [{"name": "etcd", "command": ["etcd"]}]}}
}
