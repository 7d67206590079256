package kubeward.rules.controlplane.kubelet_read_only_port_test

import data.kubeward.rules.controlplane.kubelet_read_only_port

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_open_port_fires if {
	kubelet_read_only_port.deny == {{
		"msg": "KubeletConfiguration sets readOnlyPort=10255 (pod and node data are served without authentication); remove it or set it to 0.",
		"path": ["readOnlyPort"],
	}} with input as kc({"readOnlyPort": 10255})
}

test_zero_or_absent_passes if {
	count(kubelet_read_only_port.deny) == 0 with input as kc({})
	count(kubelet_read_only_port.deny) == 0 with input as kc({"readOnlyPort": 0})
	count(kubelet_read_only_port.deny) == 0 with input as kc({"readOnlyPort": "10255"})
}
