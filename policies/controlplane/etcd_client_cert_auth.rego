# METADATA
# title: etcd accepts clients without certificates
# description: |
#   Without --client-cert-auth (default false) etcd serves any client that
#   reaches its client port, certificate or not, and the whole cluster state,
#   Secrets included, can be read and written with etcdctl.
# custom:
#   id: KW-CP-025
#   severity: high
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --client-cert-auth=true (with --trusted-ca-file) on etcd.
#   references:
#     - CIS 2.2
#     - https://kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/#securing-etcd-clusters
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
#             - --client-cert-auth=false
package kubeward.rules.controlplane.etcd_client_cert_auth

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: false, clients without certificates are served); set --client-cert-auth=true.", [c.name, cp.unset_text(c, "client-cert-auth")]),
	"path": cp.unset_path(c, "client-cert-auth"),
} if {
	some c in cp.etcd_members
	not cp.is_set(c, "client-cert-auth")
}

deny contains {
	"msg": sprintf("container %q sets %s (clients without certificates are served); set it to true.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.etcd_members
	cp.bool_value(c, "client-cert-auth") == false
	f := cp.flag(c, "client-cert-auth")
}
