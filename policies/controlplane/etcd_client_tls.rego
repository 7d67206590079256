# METADATA
# title: etcd client TLS missing
# description: |
#   etcd holds every object of the cluster. Without --cert-file and --key-file
#   it cannot serve clients over TLS, and a --listen-client-urls entry with
#   http:// on a non-loopback address serves the whole store in clear text to
#   the network. kubeadm's plaintext metrics URL is not a client URL and does
#   not count.
# custom:
#   id: KW-CP-024
#   severity: high
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --cert-file and --key-file and use https:// in every --listen-client-urls entry that is not on loopback.
#   references:
#     - CIS 2.1
#     - NSA Kubernetes Hardening Guidance
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
#             - --data-dir=/var/lib/etcd
#             - --listen-client-urls=http://0.0.0.0:2379
#             - --advertise-client-urls=http://192.168.0.10:2379
package kubeward.rules.controlplane.etcd_client_tls

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: none, clients are served without TLS); set it.", [c.name, cp.unset_text(c, name)]),
	"path": cp.unset_path(c, name),
} if {
	some c in cp.etcd_members
	some name in ["cert-file", "key-file"]
	not cp.is_set(c, name)
}

deny contains {
	"msg": sprintf("container %q listens for clients on %s (--listen-client-urls), plaintext on a non-loopback address; use https://.", [c.name, cp.redact_url(item.value)]),
	"path": item.path,
} if {
	some c in cp.etcd_members
	some item in cp.list_items(c, "listen-client-urls")
	cp.url_scheme(item.value) == "http"
	not cp.loopback_host(cp.url_host(item.value))
}
