# METADATA
# title: Kubelet serving certificate self-signed
# description: |
#   Without tlsCertFile and tlsPrivateKeyFile, and without serverTLSBootstrap,
#   the kubelet serves its API with a self-signed certificate. The API server
#   cannot verify it, so --kubelet-certificate-authority (CP-003) cannot be used
#   and its connections to kubelets can be intercepted.
# custom:
#   id: KW-CP-036
#   severity: low
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: "Set serverTLSBootstrap: true (and approve the kubelet-serving CSRs), or set tlsCertFile and tlsPrivateKeyFile to a certificate signed by a CA the API server trusts."
#   references:
#     - CIS 4.2.9
#     - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     rotateCertificates: true
package kubeward.rules.controlplane.kubelet_serving_cert

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("KubeletConfiguration does not set %s and serverTLSBootstrap is not true (default: a self-signed serving certificate the API server cannot verify); set serverTLSBootstrap: true, or tlsCertFile and tlsPrivateKeyFile.", [concat(" or ", missing)]),
	"path": [missing[0]],
} if {
	cp.is_kubelet_config(input)
	not input.serverTLSBootstrap == true
	missing := [name |
		some name in ["tlsCertFile", "tlsPrivateKeyFile"]
		not _set(name)
	]
	count(missing) > 0
}

_set(name) if {
	v := input[name]
	is_string(v)
	v != ""
}
