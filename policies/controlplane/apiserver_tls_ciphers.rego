# METADATA
# title: Weak API server TLS
# description: |
#   Without --tls-cipher-suites the API server offers Go's default suites, which
#   include CBC suites without forward secrecy guarantees CIS accepts. CIS
#   accepts the TLS 1.3 suites and ECDHE suites with AES-GCM or
#   ChaCha20-Poly1305, and TLS 1.2 or later.
# custom:
#   id: KW-CP-017
#   severity: low
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --tls-cipher-suites to TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305 and do not set --tls-min-version below VersionTLS12.
#   references:
#     - CIS 1.2.29
#     - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: kube-apiserver
#       namespace: kube-system
#       labels: {component: kube-apiserver, tier: control-plane}
#     spec:
#       hostNetwork: true
#       priorityClassName: system-node-critical
#       containers:
#         - name: kube-apiserver
#           image: registry.k8s.io/kube-apiserver:v1.34.1
#           command:
#             - kube-apiserver
#             - --tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA
package kubeward.rules.controlplane.apiserver_tls_ciphers

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: Go's cipher suites, which include CBC suites); set it to ECDHE suites with AES-GCM or CHACHA20-POLY1305.", [c.name, cp.unset_text(c, "tls-cipher-suites")]),
	"path": cp.unset_path(c, "tls-cipher-suites"),
} if {
	some c in cp.apiservers
	count(cp.list_items(c, "tls-cipher-suites")) == 0
}

deny contains {
	"msg": sprintf("container %q lists %s in --tls-cipher-suites, which is not a suite CIS accepts; remove it.", [c.name, item.value]),
	"path": item.path,
} if {
	some c in cp.apiservers
	some item in cp.list_items(c, "tls-cipher-suites")
	not item.value in cp.apiserver_cipher_suites
}

deny contains {
	"msg": sprintf("container %q sets %s; set it to VersionTLS12 or VersionTLS13.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.apiservers
	f := cp.flag(c, "tls-min-version")
	f.value in cp.weak_tls_versions
}
