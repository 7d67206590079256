# METADATA
# title: Kubelet serving-certificate rotation disabled
# description: |
#   The RotateKubeletServerCertificate feature (on by default since 1.12) lets
#   kubelets request serving certificates from the API server and renew them
#   before they expire. Turning the gate off, in the controller manager or in
#   the kubelet, leaves kubelets with self-signed or expiring serving
#   certificates.
# custom:
#   id: KW-CP-022
#   severity: medium
#   kinds: [Pod, KubeletConfiguration]
#   profiles: [cis]
#   remediation: Remove RotateKubeletServerCertificate=false from --feature-gates and from the KubeletConfiguration featureGates.
#   references:
#     - CIS 1.3.6
#     - CIS 4.2.11
#     - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/#certificate-rotation
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: kube-controller-manager
#       namespace: kube-system
#       labels: {component: kube-controller-manager, tier: control-plane}
#     spec:
#       hostNetwork: true
#       priorityClassName: system-node-critical
#       containers:
#         - name: kube-controller-manager
#           image: registry.k8s.io/kube-controller-manager:v1.34.1
#           command:
#             - kube-controller-manager
#             - --bind-address=127.0.0.1
#             - --feature-gates=RotateKubeletServerCertificate=false
package kubeward.rules.controlplane.kubelet_server_cert_rotation_gate

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q sets --feature-gates RotateKubeletServerCertificate=false (kubelet serving certificates are not renewed); remove it or set it to true.", [c.name]),
	"path": g.path,
} if {
	some c in cp.controller_managers
	g := cp.feature_gate(c, "RotateKubeletServerCertificate")
	g.value == false
}

deny contains {
	"msg": "KubeletConfiguration sets featureGates.RotateKubeletServerCertificate=false (the kubelet's serving certificate is not renewed); remove it or set it to true.",
	"path": ["featureGates", "RotateKubeletServerCertificate"],
} if {
	cp.is_kubelet_config(input)
	input.featureGates.RotateKubeletServerCertificate == false
}
