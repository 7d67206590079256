# METADATA
# title: Controller-manager SA signing key or root CA unset
# description: |
#   --service-account-private-key-file is the key the controller manager signs
#   ServiceAccount tokens with, so that keys can be managed and rotated apart
#   from the API server's TLS key. --root-ca-file is the CA it publishes to pods
#   (kube-root-ca.crt), which they need to verify the API server's certificate.
# custom:
#   id: KW-CP-021
#   severity: medium
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --service-account-private-key-file to the ServiceAccount signing key and --root-ca-file to the cluster CA certificate.
#   references:
#     - CIS 1.3.4
#     - CIS 1.3.5
#     - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/
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
#             - --service-account-private-key-file=/etc/kubernetes/pki/sa.key
package kubeward.rules.controlplane.kcm_service_account_keys

import data.kubeward.lib.controlplane as cp

_defaults := {
	"service-account-private-key-file": "none, the controller manager does not sign ServiceAccount tokens",
	"root-ca-file": "none, pods do not get the CA that verifies the API server",
}

deny contains {
	"msg": sprintf("container %q %s (default: %s); set it.", [c.name, cp.unset_text(c, name), default_value]),
	"path": cp.unset_path(c, name),
} if {
	some c in cp.controller_managers
	some name, default_value in _defaults
	not cp.is_set(c, name)
}
