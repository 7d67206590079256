# METADATA
# title: Kubelet allows anonymous requests
# description: |
#   With authentication.anonymous.enabled the kubelet serves requests without
#   credentials as system:anonymous on its API (port 10250), which runs commands
#   in containers and reads their logs. The v1beta1 file default is false; the
#   kubelet's legacy flag default is true.
# custom:
#   id: KW-CP-029
#   severity: high
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: Remove authentication.anonymous.enabled from the KubeletConfiguration or set it to false.
#   references:
#     - CIS 4.2.1
#     - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       anonymous:
#         enabled: true
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     authorization:
#       mode: Webhook
package kubeward.rules.controlplane.kubelet_anonymous_auth

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "KubeletConfiguration sets authentication.anonymous.enabled=true (requests without credentials are served); set it to false.",
	"path": ["authentication", "anonymous", "enabled"],
} if {
	cp.is_kubelet_config(input)
	input.authentication.anonymous.enabled == true
}
