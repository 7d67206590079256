package kubeward.rules.controlplane.kubelet_protect_kernel_defaults_test

import data.kubeward.rules.controlplane.kubelet_protect_kernel_defaults

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_absent_fires if {
	kubelet_protect_kernel_defaults.deny == {{
		"msg": "KubeletConfiguration does not set protectKernelDefaults (default: false, the kubelet changes kernel tunables that differ); set it to true.",
		"path": ["protectKernelDefaults"],
	}} with input as kc({})
}

test_false_fires if {
	kubelet_protect_kernel_defaults.deny == {{
		"msg": "KubeletConfiguration sets protectKernelDefaults=false (the kubelet changes kernel tunables that differ); set it to true.",
		"path": ["protectKernelDefaults"],
	}} with input as kc({"protectKernelDefaults": false})
}

test_true_passes if {
	count(kubelet_protect_kernel_defaults.deny) == 0 with input as kc({"protectKernelDefaults": true})
}
