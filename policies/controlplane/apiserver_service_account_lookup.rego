# METADATA
# title: Service-account lookup disabled
# description: |
#   With --service-account-lookup=false the API server accepts a ServiceAccount
#   token on its signature alone, without checking that the ServiceAccount (and,
#   for bound tokens, the pod or Secret) still exists. Tokens of deleted
#   ServiceAccounts then keep working until they expire.
# custom:
#   id: KW-CP-013
#   severity: medium
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Remove --service-account-lookup or set it to true.
#   references:
#     - CIS 1.2.21
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
#             - --service-account-key-file=/etc/kubernetes/pki/sa.pub
#             - --service-account-lookup=false
package kubeward.rules.controlplane.apiserver_service_account_lookup

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q sets %s (tokens of deleted ServiceAccounts keep working); remove it or set it to true.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.apiservers
	cp.bool_value(c, "service-account-lookup") == false
	f := cp.flag(c, "service-account-lookup")
}
