# METADATA
# title: API server to kubelet TLS incomplete
# description: |
#   The API server calls kubelets for logs, exec and port-forward. Without a
#   client certificate and key the kubelet cannot authenticate it, and without
#   --kubelet-certificate-authority the API server does not verify the kubelet's
#   serving certificate, so a machine in the middle can read and alter that
#   traffic (kubeadm omits the CA).
# custom:
#   id: KW-CP-003
#   severity: medium
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --kubelet-client-certificate and --kubelet-client-key to the API server's kubelet client pair, and --kubelet-certificate-authority to the CA that signs kubelet serving certificates.
#   references:
#     - CIS 1.2.4
#     - CIS 1.2.5
#     - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/
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
#             - --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt
#             - --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key
package kubeward.rules.controlplane.apiserver_kubelet_tls

import data.kubeward.lib.controlplane as cp

_flags := {
	"kubelet-client-certificate": "the API server presents no client certificate to kubelets",
	"kubelet-client-key": "the API server presents no client certificate to kubelets",
	"kubelet-certificate-authority": "kubelet serving certificates are not verified",
}

deny contains {
	"msg": sprintf("container %q %s (default: none, %s); set it.", [c.name, cp.unset_text(c, name), why]),
	"path": cp.unset_path(c, name),
} if {
	some c in cp.apiservers
	some name, why in _flags
	not cp.is_set(c, name)
}
