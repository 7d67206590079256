package kubeward.rules.controlplane.kcm_terminated_pod_gc_test

import data.kubeward.rules.controlplane.kcm_terminated_pod_gc

kcm(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-controller-manager", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-controller-manager", "image": "registry.k8s.io/kube-controller-manager:v1.34.1", "command": array.concat(["kube-controller-manager"], args)}]}}

test_absent_fires if {
	kcm_terminated_pod_gc.deny == {{
		"msg": "container \"kube-controller-manager\" does not set --terminated-pod-gc-threshold (default: 12500 terminated pods are kept); set it to a positive number suited to the cluster, e.g. 1000.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as kcm([])
}

test_not_positive_fires if {
	kcm_terminated_pod_gc.deny == {{
		"msg": "container \"kube-controller-manager\" sets --terminated-pod-gc-threshold=0, which is not a positive number (0 or less disables the terminated-pod collector); set a positive number, e.g. 1000.",
		"path": ["spec", "containers", 0, "command", 1],
	}} with input as kcm(["--terminated-pod-gc-threshold=0"])
	count(kcm_terminated_pod_gc.deny) == 1 with input as kcm(["--terminated-pod-gc-threshold=lots"])
}

test_positive_passes if {
	count(kcm_terminated_pod_gc.deny) == 0 with input as kcm(["--terminated-pod-gc-threshold", "10"])
}

test_other_components_pass if {
	count(kcm_terminated_pod_gc.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "s", "command": ["kube-scheduler"]}]}}
}
