# METADATA
# title: etcd self-signed auto TLS
# description: |
#   --auto-tls and --peer-auto-tls make etcd generate self-signed certificates.
#   Clients and peers cannot verify them, so they encrypt traffic without
#   authenticating the server, and a machine in the middle can impersonate it.
# custom:
#   id: KW-CP-026
#   severity: medium
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Remove --auto-tls and --peer-auto-tls and give etcd certificates from a CA with --cert-file/--key-file and --peer-cert-file/--peer-key-file.
#   references:
#     - CIS 2.3
#     - CIS 2.6
#     - https://kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: etcd
#       namespace: kube-system
#       labels: {component: etcd, tier: control-plane}
#     spec:
#       hostNetwork: true
#       priorityClassName: system-node-critical
#       containers:
#         - name: etcd
#           image: registry.k8s.io/etcd:3.6.4-0
#           command:
#             - etcd
#             - --data-dir=/var/lib/etcd
#             - --client-cert-auth=true
#             - --auto-tls=true
package kubeward.rules.controlplane.etcd_auto_tls

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q sets %s (self-signed certificates nobody can verify); remove it and set certificate files.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.etcd_members
	some name in ["auto-tls", "peer-auto-tls"]
	cp.bool_value(c, name) == true
	f := cp.flag(c, name)
}
