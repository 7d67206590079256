# METADATA
# title: API server TLS or key flags missing
# description: |
#   Without --tls-cert-file and --tls-private-key-file the API server serves a
#   self-signed certificate it writes to --cert-dir, which clients cannot
#   verify. Without --client-ca-file it accepts no client certificates, and
#   without --service-account-key-file it verifies ServiceAccount tokens with
#   its TLS key only, which breaks key rotation.
# custom:
#   id: KW-CP-014
#   severity: medium
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --tls-cert-file, --tls-private-key-file, --client-ca-file and --service-account-key-file to the cluster's certificate files.
#   references:
#     - CIS 1.2.22
#     - CIS 1.2.24
#     - CIS 1.2.25
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
#             - --client-ca-file=/etc/kubernetes/pki/ca.crt
#             - --service-account-key-file=/etc/kubernetes/pki/sa.pub
package kubeward.rules.controlplane.apiserver_tls_flags

import data.kubeward.lib.controlplane as cp

_defaults := {
	"tls-cert-file": "a self-signed certificate written to --cert-dir",
	"tls-private-key-file": "a self-signed certificate written to --cert-dir",
	"client-ca-file": "none, client certificates are not accepted",
	"service-account-key-file": "the --tls-private-key-file key",
}

deny contains {
	"msg": sprintf("container %q %s (default: %s); set it.", [c.name, cp.unset_text(c, name), default_value]),
	"path": cp.unset_path(c, name),
} if {
	some c in cp.apiservers
	some name, default_value in _defaults
	not cp.is_set(c, name)
}
