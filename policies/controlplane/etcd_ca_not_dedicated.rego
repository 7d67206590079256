# METADATA
# title: etcd CA not dedicated
# description: |
#   etcd trusts every client certificate signed by its --trusted-ca-file. When
#   that is the cluster CA the API server also uses for --client-ca-file, any
#   certificate issued for a user, node or component can reach etcd directly and
#   bypass authorization. Without the flag, client certificates are not verified
#   against a dedicated CA at all.
# custom:
#   id: KW-CP-028
#   severity: low
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Give etcd its own CA (kubeadm uses /etc/kubernetes/pki/etcd/ca.crt) and set --trusted-ca-file to it.
#   references:
#     - CIS 2.7
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
#             - --client-cert-auth=true
#             - --trusted-ca-file=/etc/kubernetes/pki/ca.crt
#     ---
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
#             - --client-ca-file=/etc/kubernetes/pki/ca.crt
#             - --etcd-servers=https://127.0.0.1:2379
package kubeward.rules.controlplane.etcd_ca_not_dedicated

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: none, client certificates are not checked against a dedicated CA); set it to a CA used only for etcd.", [c.name, cp.unset_text(c, "trusted-ca-file")]),
	"path": cp.unset_path(c, "trusted-ca-file"),
} if {
	some c in cp.etcd_members
	not cp.is_set(c, "trusted-ca-file")
}

deny contains {
	"msg": sprintf("container %q sets %s, the CA a kube-apiserver of this run also uses for --client-ca-file (every cluster client certificate can reach etcd); use a CA dedicated to etcd.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.etcd_members
	f := cp.flag(c, "trusted-ca-file")
	f.known
	f.value != ""
	some a in cp.run_apiservers
	cp.value(a, "client-ca-file") == f.value
}
