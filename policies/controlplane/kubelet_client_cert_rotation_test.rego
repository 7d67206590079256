package kubeward.rules.controlplane.kubelet_client_cert_rotation_test

import data.kubeward.rules.controlplane.kubelet_client_cert_rotation

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_absent_fires if {
	kubelet_client_cert_rotation.deny == {{
		"msg": "KubeletConfiguration does not set rotateCertificates (default: false, the client certificate is not renewed); set it to true.",
		"path": ["rotateCertificates"],
	}} with input as kc({})
}

test_false_fires if {
	kubelet_client_cert_rotation.deny == {{
		"msg": "KubeletConfiguration sets rotateCertificates=false (the client certificate is not renewed); set it to true.",
		"path": ["rotateCertificates"],
	}} with input as kc({"rotateCertificates": false})
}

test_true_passes if {
	count(kubelet_client_cert_rotation.deny) == 0 with input as kc({"rotateCertificates": true})
}

test_kubeadm_passes if {
	inv := {"namespaced": {"default": {"ClusterConfiguration": {"": {"apiVersion": "kubeadm.k8s.io/v1beta4", "kind": "ClusterConfiguration"}}}}}
	count(kubelet_client_cert_rotation.deny) == 0 with input as kc({}) with data.kubeward.inventory as inv
	count(kubelet_client_cert_rotation.deny) == 0 with input as kc({"rotateCertificates": false}) with data.kubeward.inventory as inv
}
