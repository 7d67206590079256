# METADATA
# title: Kubelet client-certificate rotation off
# description: |
#   With rotateCertificates the kubelet requests a new client certificate before
#   its current one expires. Without it (the v1beta1 default is false) the
#   certificate is renewed by hand or the node drops out of the cluster when it
#   expires, and long-lived certificates stay valid longer if stolen. kubeadm
#   always turns it on; kube-bench passes an unset value.
# custom:
#   id: KW-CP-037
#   severity: medium
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: "Set rotateCertificates: true in the KubeletConfiguration."
#   references:
#     - CIS 4.2.10
#     - https://kubernetes.io/docs/tasks/tls/certificate-rotation/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     rotateCertificates: false
package kubeward.rules.controlplane.kubelet_client_cert_rotation

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "KubeletConfiguration does not set rotateCertificates (default: false, the client certificate is not renewed); set it to true.",
	"path": ["rotateCertificates"],
} if {
	cp.is_kubelet_config(input)
	object.get(input, "rotateCertificates", null) == null
	not cp.kubeadm_run
}

deny contains {
	"msg": "KubeletConfiguration sets rotateCertificates=false (the client certificate is not renewed); set it to true.",
	"path": ["rotateCertificates"],
} if {
	cp.is_kubelet_config(input)
	input.rotateCertificates == false
	not cp.kubeadm_run
}
