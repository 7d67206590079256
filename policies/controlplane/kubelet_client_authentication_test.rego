package kubeward.rules.controlplane.kubelet_client_authentication_test

import data.kubeward.rules.controlplane.kubelet_client_authentication

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

ca := {"x509": {"clientCAFile": "/etc/kubernetes/pki/ca.crt"}}

test_ca_absent_fires if {
	kubelet_client_authentication.deny == {{
		"msg": "KubeletConfiguration does not set authentication.x509.clientCAFile (default: none, client certificates are not accepted); set it to the cluster CA.",
		"path": ["authentication", "x509", "clientCAFile"],
	}} with input as kc({})
	{f.msg | some f in kubelet_client_authentication.deny} == {"KubeletConfiguration sets authentication.x509.clientCAFile to an empty value (default: none, client certificates are not accepted); set it to the cluster CA."} with input as kc({"authentication": {"x509": {"clientCAFile": ""}}})
}

test_webhook_off_fires if {
	kubelet_client_authentication.deny == {{
		"msg": "KubeletConfiguration sets authentication.webhook.enabled=false (bearer tokens are rejected, TokenReview is not used); remove it or set it to true.",
		"path": ["authentication", "webhook", "enabled"],
	}} with input as kc({"authentication": object.union(ca, {"webhook": {"enabled": false}})})
}

test_complete_passes if {
	count(kubelet_client_authentication.deny) == 0 with input as kc({"authentication": ca})
	count(kubelet_client_authentication.deny) == 0 with input as kc({"authentication": object.union(ca, {"webhook": {"enabled": true}})})
}

test_kubeadm_sets_the_ca if {
	inv := {"namespaced": {"default": {"InitConfiguration": {"": {"apiVersion": "kubeadm.k8s.io/v1beta4", "kind": "InitConfiguration"}}}}}
	count(kubelet_client_authentication.deny) == 0 with input as kc({}) with data.kubeward.inventory as inv
	count(kubelet_client_authentication.deny) == 1 with input as kc({"authentication": {"webhook": {"enabled": false}}}) with data.kubeward.inventory as inv
}
