# METADATA
# title: Kubelet authorizes everything
# description: |
#   With authorization.mode AlwaysAllow the kubelet lets every authenticated
#   caller (and, with anonymous access, everyone) exec into containers, read
#   logs and secrets mounted in pods on the node. The v1beta1 file default is
#   Webhook, which asks the API server (SubjectAccessReview).
# custom:
#   id: KW-CP-030
#   severity: critical
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: Remove authorization.mode from the KubeletConfiguration or set it to Webhook.
#   references:
#     - CIS 4.2.2
#     - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       anonymous:
#         enabled: false
#     authorization:
#       mode: AlwaysAllow
package kubeward.rules.controlplane.kubelet_authorization_always_allow

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "KubeletConfiguration sets authorization.mode=AlwaysAllow (every request to the kubelet is allowed); set it to Webhook.",
	"path": ["authorization", "mode"],
} if {
	cp.is_kubelet_config(input)
	input.authorization.mode == "AlwaysAllow"
}
