# METADATA
# title: Kubelet client authentication incomplete
# description: |
#   The kubelet authenticates the API server and other clients by client
#   certificate (authentication.x509.clientCAFile) and by bearer token
#   (authentication.webhook, a TokenReview). Without a client CA no certificate
#   is accepted; with the webhook off, tokens are rejected. kubeadm sets the CA
#   to the cluster CA when the file comes with its configuration.
# custom:
#   id: KW-CP-031
#   severity: medium
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: Set authentication.x509.clientCAFile to the cluster CA and keep authentication.webhook.enabled true (the default).
#   references:
#     - CIS 4.2.3
#     - NSA Kubernetes Hardening Guidance
#     - https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       anonymous:
#         enabled: false
#       webhook:
#         enabled: false
#     authorization:
#       mode: Webhook
package kubeward.rules.controlplane.kubelet_client_authentication

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("KubeletConfiguration %s (default: none, client certificates are not accepted); set it to the cluster CA.", [_ca_text]),
	"path": ["authentication", "x509", "clientCAFile"],
} if {
	cp.is_kubelet_config(input)
	not _ca_set
	not cp.kubeadm_run
}

deny contains {
	"msg": "KubeletConfiguration sets authentication.webhook.enabled=false (bearer tokens are rejected, TokenReview is not used); remove it or set it to true.",
	"path": ["authentication", "webhook", "enabled"],
} if {
	cp.is_kubelet_config(input)
	input.authentication.webhook.enabled == false
}

_ca_set if {
	ca := input.authentication.x509.clientCAFile
	is_string(ca)
	ca != ""
}

_ca_text := "sets authentication.x509.clientCAFile to an empty value" if {
	input.authentication.x509.clientCAFile == ""
} else := "does not set authentication.x509.clientCAFile"
