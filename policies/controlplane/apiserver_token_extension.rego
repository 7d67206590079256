# METADATA
# title: Service-account token expiry extension on
# description: |
#   With --service-account-extend-token-expiration on (the default), the API
#   server issues projected ServiceAccount tokens valid for a year while they
#   are meant to live an hour, to help clients migrate. A stolen token then
#   stays usable for far longer than its requested lifetime.
# custom:
#   id: KW-CP-018
#   severity: low
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --service-account-extend-token-expiration=false once workloads refresh their projected tokens.
#   references:
#     - CIS 1.2.30
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
#             - --service-account-issuer=https://kubernetes.default.svc.cluster.local
#             - --service-account-extend-token-expiration=true
package kubeward.rules.controlplane.apiserver_token_extension

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: true, projected tokens are valid for a year); set --service-account-extend-token-expiration=false.", [c.name, cp.unset_text(c, "service-account-extend-token-expiration")]),
	"path": cp.unset_path(c, "service-account-extend-token-expiration"),
} if {
	some c in cp.apiservers
	not cp.is_set(c, "service-account-extend-token-expiration")
}

deny contains {
	"msg": sprintf("container %q sets %s (projected tokens are valid for a year); set it to false.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.apiservers
	cp.bool_value(c, "service-account-extend-token-expiration") == true
	f := cp.flag(c, "service-account-extend-token-expiration")
}
