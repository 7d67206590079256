package kubeward.rules.controlplane.kubelet_iptables_util_chains_test

import data.kubeward.rules.controlplane.kubelet_iptables_util_chains

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_false_fires if {
	kubelet_iptables_util_chains.deny == {{
		"msg": "KubeletConfiguration sets makeIPTablesUtilChains=false (the kubelet does not keep its iptables chains); remove it or set it to true.",
		"path": ["makeIPTablesUtilChains"],
	}} with input as kc({"makeIPTablesUtilChains": false})
}

test_true_or_absent_passes if {
	count(kubelet_iptables_util_chains.deny) == 0 with input as kc({})
	count(kubelet_iptables_util_chains.deny) == 0 with input as kc({"makeIPTablesUtilChains": true})
}
