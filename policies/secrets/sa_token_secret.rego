# METADATA
# title: Long-lived SA token Secret
# description: |
#   A Secret of type kubernetes.io/service-account-token holds a ServiceAccount
#   token that never expires and stays valid until the Secret is deleted. A
#   leaked copy gives lasting API access. Pods get short-lived, automatically
#   rotated tokens through projected volumes instead.
# custom:
#   id: KW-SEC-009
#   severity: medium
#   kinds: [Secret]
#   profiles: [nsa]
#   remediation: Remove the Secret and use projected ServiceAccount tokens in pods, or kubectl create token / the TokenRequest API for clients outside the cluster.
#   references:
#     - NSA Pod security / protecting Pod service account tokens
#     - https://kubernetes.io/docs/concepts/security/service-accounts/#get-a-token
#   example: |
#     apiVersion: v1
#     kind: Secret
#     metadata:
#       name: ci-deployer-token
#       namespace: ci
#       annotations:
#         kubernetes.io/service-account.name: ci-deployer
#     type: kubernetes.io/service-account-token
package kubeward.rules.secrets.sa_token_secret

import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Secret %q has type kubernetes.io/service-account-token, a ServiceAccount token that never expires; remove it and use projected tokens or the TokenRequest API instead.", [workloads.name(input)]),
	"path": ["type"],
} if {
	input.kind == "Secret"
	input.type == "kubernetes.io/service-account-token"
}
