package kubeward.rules.controlplane.kubelet_pod_pids_limit_test

import data.kubeward.rules.controlplane.kubelet_pod_pids_limit

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_absent_fires if {
	kubelet_pod_pids_limit.deny == {{
		"msg": "KubeletConfiguration does not set podPidsLimit (default: -1, unlimited); set it to a positive number, e.g. 4096.",
		"path": ["podPidsLimit"],
	}} with input as kc({})
}

test_unlimited_fires if {
	kubelet_pod_pids_limit.deny == {{
		"msg": "KubeletConfiguration sets podPidsLimit=-1 (unlimited); set it to a positive number, e.g. 4096.",
		"path": ["podPidsLimit"],
	}} with input as kc({"podPidsLimit": -1})
	count(kubelet_pod_pids_limit.deny) == 1 with input as kc({"podPidsLimit": 0})
}

test_positive_passes if {
	count(kubelet_pod_pids_limit.deny) == 0 with input as kc({"podPidsLimit": 1})
	count(kubelet_pod_pids_limit.deny) == 0 with input as kc({"podPidsLimit": 4096})
}
