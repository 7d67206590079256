package kubeward.rules.controlplane.kubelet_seccomp_default_test

import data.kubeward.rules.controlplane.kubelet_seccomp_default

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_absent_fires if {
	kubelet_seccomp_default.deny == {{
		"msg": "KubeletConfiguration does not set seccompDefault (default: false, containers without a profile run Unconfined); set it to true.",
		"path": ["seccompDefault"],
	}} with input as kc({})
}

test_false_fires if {
	kubelet_seccomp_default.deny == {{
		"msg": "KubeletConfiguration sets seccompDefault=false (containers without a profile run Unconfined); set it to true.",
		"path": ["seccompDefault"],
	}} with input as kc({"seccompDefault": false})
}

test_true_passes if {
	count(kubelet_seccomp_default.deny) == 0 with input as kc({"seccompDefault": true})
}
