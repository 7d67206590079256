package kubeward.rules.controlplane.kubelet_server_cert_rotation_gate_test

import data.kubeward.rules.controlplane.kubelet_server_cert_rotation_gate

kcm(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-controller-manager", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-controller-manager", "image": "registry.k8s.io/kube-controller-manager:v1.34.1", "command": array.concat(["kube-controller-manager"], args)}]}}

kc(gates) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration", "featureGates": gates}

test_controller_manager_gate_off_fires if {
	kubelet_server_cert_rotation_gate.deny == {{
		"msg": "container \"kube-controller-manager\" sets --feature-gates RotateKubeletServerCertificate=false (kubelet serving certificates are not renewed); remove it or set it to true.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as kcm(["--feature-gates=RotateKubeletServerCertificate=true", "--feature-gates=A=true,RotateKubeletServerCertificate=false"])
}

test_controller_manager_gate_on_or_absent_passes if {
	count(kubelet_server_cert_rotation_gate.deny) == 0 with input as kcm([])
	count(kubelet_server_cert_rotation_gate.deny) == 0 with input as kcm(["--feature-gates=RotateKubeletServerCertificate=false,RotateKubeletServerCertificate=true"])
}

test_kubelet_gate_off_fires if {
	kubelet_server_cert_rotation_gate.deny == {{
		"msg": "KubeletConfiguration sets featureGates.RotateKubeletServerCertificate=false (the kubelet's serving certificate is not renewed); remove it or set it to true.",
		"path": ["featureGates", "RotateKubeletServerCertificate"],
	}} with input as kc({"RotateKubeletServerCertificate": false})
}

test_kubelet_gate_on_or_absent_passes if {
	count(kubelet_server_cert_rotation_gate.deny) == 0 with input as kc({"RotateKubeletServerCertificate": true})
	count(kubelet_server_cert_rotation_gate.deny) == 0 with input as kc({})
	count(kubelet_server_cert_rotation_gate.deny) == 0 with input as {"apiVersion": "example.com/v1", "kind": "KubeletConfiguration", "featureGates": {"RotateKubeletServerCertificate": false}}
}
