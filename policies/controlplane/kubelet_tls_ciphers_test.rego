package kubeward.rules.controlplane.kubelet_tls_ciphers_test

import data.kubeward.rules.controlplane.kubelet_tls_ciphers

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_absent_fires if {
	kubelet_tls_ciphers.deny == {{
		"msg": "KubeletConfiguration does not set tlsCipherSuites (default: Go's cipher suites, which include CBC suites); set it to ECDHE suites with AES-GCM or CHACHA20-POLY1305.",
		"path": ["tlsCipherSuites"],
	}} with input as kc({})
	count(kubelet_tls_ciphers.deny) == 1 with input as kc({"tlsCipherSuites": []})
}

test_weak_suite_fires if {
	kubelet_tls_ciphers.deny == {{
		"msg": "KubeletConfiguration lists TLS_AES_128_GCM_SHA256 in tlsCipherSuites, which is not a suite CIS accepts for the kubelet; remove it.",
		"path": ["tlsCipherSuites", 1],
	}} with input as kc({"tlsCipherSuites": ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"]})
}

test_weak_min_version_fires if {
	kubelet_tls_ciphers.deny == {{
		"msg": "KubeletConfiguration sets tlsMinVersion=VersionTLS10; set it to VersionTLS12 or VersionTLS13.",
		"path": ["tlsMinVersion"],
	}} with input as kc({"tlsCipherSuites": ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"], "tlsMinVersion": "VersionTLS10"})
}

test_strong_passes if {
	count(kubelet_tls_ciphers.deny) == 0 with input as kc({"tlsMinVersion": "VersionTLS12", "tlsCipherSuites": [
		"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
		"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
		"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
	]})
	count(kubelet_tls_ciphers.deny) == 0 with input as kc({"tlsCipherSuites": "TLS_RSA_WITH_AES_256_CBC_SHA"})
}
