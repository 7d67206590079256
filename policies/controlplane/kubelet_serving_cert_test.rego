package kubeward.rules.controlplane.kubelet_serving_cert_test

import data.kubeward.rules.controlplane.kubelet_serving_cert

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_both_missing_fires_once if {
	kubelet_serving_cert.deny == {{
		"msg": "KubeletConfiguration does not set tlsCertFile or tlsPrivateKeyFile and serverTLSBootstrap is not true (default: a self-signed serving certificate the API server cannot verify); set serverTLSBootstrap: true, or tlsCertFile and tlsPrivateKeyFile.",
		"path": ["tlsCertFile"],
	}} with input as kc({})
	count(kubelet_serving_cert.deny) == 1 with input as kc({"serverTLSBootstrap": false})
}

test_one_missing_fires if {
	kubelet_serving_cert.deny == {{
		"msg": "KubeletConfiguration does not set tlsPrivateKeyFile and serverTLSBootstrap is not true (default: a self-signed serving certificate the API server cannot verify); set serverTLSBootstrap: true, or tlsCertFile and tlsPrivateKeyFile.",
		"path": ["tlsPrivateKeyFile"],
	}} with input as kc({"tlsCertFile": "/var/lib/kubelet/pki/kubelet.crt", "tlsPrivateKeyFile": ""})
}

test_files_or_bootstrap_pass if {
	count(kubelet_serving_cert.deny) == 0 with input as kc({"tlsCertFile": "/k.crt", "tlsPrivateKeyFile": "/k.key"})
	count(kubelet_serving_cert.deny) == 0 with input as kc({"serverTLSBootstrap": true})
}
