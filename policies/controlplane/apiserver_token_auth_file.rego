# METADATA
# title: Static token file authentication
# description: |
#   --token-auth-file makes the API server accept the bearer tokens listed in a
#   CSV file. They never expire, sit in clear text on the control-plane node,
#   and can only be changed by editing the file and restarting the API server.
# custom:
#   id: KW-CP-002
#   severity: high
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Remove --token-auth-file and authenticate users with client certificates, OIDC or a webhook, and workloads with ServiceAccount tokens.
#   references:
#     - CIS 1.2.2
#     - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#static-token-file
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
#             - --anonymous-auth=false
#             - --token-auth-file=/etc/kubernetes/known-tokens.csv
package kubeward.rules.controlplane.apiserver_token_auth_file

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q sets %s (static tokens never expire and cannot be revoked without a restart); remove it and use client certificates, OIDC or webhook authentication.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.apiservers
	cp.is_set(c, "token-auth-file")
	f := cp.flag(c, "token-auth-file")
}
