package kubeward.rules.controlplane.apiserver_tls_ciphers_test

import data.kubeward.rules.controlplane.apiserver_tls_ciphers

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_absent_fires if {
	apiserver_tls_ciphers.deny == {{
		"msg": "container \"kube-apiserver\" does not set --tls-cipher-suites (default: Go's cipher suites, which include CBC suites); set it to ECDHE suites with AES-GCM or CHACHA20-POLY1305.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as api([])
	{f.path | some f in apiserver_tls_ciphers.deny} == {["spec", "containers", 0, "command", 1]} with input as api(["--tls-cipher-suites=,"])
}

test_weak_suite_fires if {
	apiserver_tls_ciphers.deny == {{
		"msg": "container \"kube-apiserver\" lists TLS_RSA_WITH_AES_128_CBC_SHA in --tls-cipher-suites, which is not a suite CIS accepts; remove it.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as api(["--tls-cipher-suites=TLS_AES_128_GCM_SHA256", "--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA"])
}

test_weak_min_version_fires if {
	apiserver_tls_ciphers.deny == {{
		"msg": "container \"kube-apiserver\" sets --tls-min-version=VersionTLS11; set it to VersionTLS12 or VersionTLS13.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as api(["--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "--tls-min-version=VersionTLS11"])
}

test_strong_passes if {
	count(apiserver_tls_ciphers.deny) == 0 with input as api(["--tls-cipher-suites=TLS_AES_256_GCM_SHA384,TLS_CHACHA20_POLY1305_SHA256,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "--tls-min-version=VersionTLS12"])
	count(apiserver_tls_ciphers.deny) == 0 with input as api(["--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "--tls-min-version=VersionTLS13"])
}
