# METADATA
# title: Weak kubelet TLS
# description: |
#   Without tlsCipherSuites the kubelet offers Go's default suites, CBC suites
#   included. CIS accepts ECDHE key exchange with AES-GCM or ChaCha20-Poly1305
#   only, and TLS 1.2 or later.
# custom:
#   id: KW-CP-038
#   severity: low
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: Set tlsCipherSuites to TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305 and TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305, and do not set tlsMinVersion below VersionTLS12.
#   references:
#     - CIS 4.2.12
#     - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     tlsCipherSuites:
#       - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
#       - TLS_RSA_WITH_AES_256_CBC_SHA
package kubeward.rules.controlplane.kubelet_tls_ciphers

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "KubeletConfiguration does not set tlsCipherSuites (default: Go's cipher suites, which include CBC suites); set it to ECDHE suites with AES-GCM or CHACHA20-POLY1305.",
	"path": ["tlsCipherSuites"],
} if {
	cp.is_kubelet_config(input)
	_unset(object.get(input, "tlsCipherSuites", null))
}

deny contains {
	"msg": sprintf("KubeletConfiguration lists %s in tlsCipherSuites, which is not a suite CIS accepts for the kubelet; remove it.", [suite]),
	"path": ["tlsCipherSuites", i],
} if {
	cp.is_kubelet_config(input)
	is_array(input.tlsCipherSuites)
	some i, suite in input.tlsCipherSuites
	not suite in cp.kubelet_cipher_suites
}

deny contains {
	"msg": sprintf("KubeletConfiguration sets tlsMinVersion=%s; set it to VersionTLS12 or VersionTLS13.", [input.tlsMinVersion]),
	"path": ["tlsMinVersion"],
} if {
	cp.is_kubelet_config(input)
	input.tlsMinVersion in cp.weak_tls_versions
}

_unset(null)

_unset([])
