# METADATA
# title: etcd peer TLS incomplete
# description: |
#   etcd members replicate the whole store to each other. Without --peer-cert-
#   file and --peer-key-file that traffic is not encrypted, and without --peer-
#   client-cert-auth (default false) any host that reaches the peer port can
#   join as a member or read the replication stream.
# custom:
#   id: KW-CP-027
#   severity: medium
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --peer-cert-file, --peer-key-file and --peer-client-cert-auth=true (with --peer-trusted-ca-file).
#   references:
#     - CIS 2.4
#     - CIS 2.5
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
#             - --cert-file=/etc/kubernetes/pki/etcd/server.crt
#             - --key-file=/etc/kubernetes/pki/etcd/server.key
#             - --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt
#             - --peer-key-file=/etc/kubernetes/pki/etcd/peer.key
package kubeward.rules.controlplane.etcd_peer_tls

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: none, peer traffic is not encrypted); set it.", [c.name, cp.unset_text(c, name)]),
	"path": cp.unset_path(c, name),
} if {
	some c in cp.etcd_members
	some name in ["peer-cert-file", "peer-key-file"]
	not cp.is_set(c, name)
}

deny contains {
	"msg": sprintf("container %q %s (default: false, peers without certificates are accepted); set --peer-client-cert-auth=true.", [c.name, cp.unset_text(c, "peer-client-cert-auth")]),
	"path": cp.unset_path(c, "peer-client-cert-auth"),
} if {
	some c in cp.etcd_members
	not cp.is_set(c, "peer-client-cert-auth")
}

deny contains {
	"msg": sprintf("container %q sets %s (peers without certificates are accepted); set it to true.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.etcd_members
	cp.bool_value(c, "peer-client-cert-auth") == false
	f := cp.flag(c, "peer-client-cert-auth")
}
