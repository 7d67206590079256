# METADATA
# title: No encryption at rest configured
# description: |
#   Without --encryption-provider-config the API server stores Secrets in etcd
#   in plain text, so anyone with an etcd backup or disk snapshot can read every
#   Secret. The contents of the EncryptionConfiguration itself are checked by
#   CP-048 to CP-050.
# custom:
#   id: KW-CP-016
#   severity: medium
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --encryption-provider-config to an EncryptionConfiguration that encrypts secrets, preferably with a kms v2 provider.
#   references:
#     - CIS 1.2.27
#     - NSA Kubernetes Hardening Guidance
#     - https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/
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
#             - --authorization-mode=Node,RBAC
#             - --etcd-servers=https://127.0.0.1:2379
package kubeward.rules.controlplane.apiserver_encryption_config

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: none, Secrets are stored in etcd in plain text); set it to an EncryptionConfiguration file.", [c.name, cp.unset_text(c, "encryption-provider-config")]),
	"path": cp.unset_path(c, "encryption-provider-config"),
} if {
	some c in cp.apiservers
	not cp.is_set(c, "encryption-provider-config")
}
