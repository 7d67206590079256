# METADATA
# title: API server to etcd not TLS-protected
# description: |
#   etcd holds every object of the cluster, Secrets included. The API server
#   must reach it over TLS, verify it with --etcd-cafile and authenticate with a
#   client certificate (--etcd-certfile, --etcd-keyfile); an http:// etcd server
#   URL sends all of it in clear text.
# custom:
#   id: KW-CP-015
#   severity: high
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --etcd-certfile, --etcd-keyfile and --etcd-cafile and use https:// (or unix://) URLs in --etcd-servers.
#   references:
#     - CIS 1.2.23
#     - CIS 1.2.26
#     - https://kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/#securing-etcd-clusters
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
#             - --etcd-servers=http://127.0.0.1:2379
package kubeward.rules.controlplane.apiserver_etcd_tls

import data.kubeward.lib.controlplane as cp

_defaults := {
	"etcd-certfile": "no client certificate is presented to etcd",
	"etcd-keyfile": "no client certificate is presented to etcd",
	"etcd-cafile": "etcd's certificate is checked against the system roots only",
}

deny contains {
	"msg": sprintf("container %q %s (default: none, %s); set it.", [c.name, cp.unset_text(c, name), why]),
	"path": cp.unset_path(c, name),
} if {
	some c in cp.apiservers
	some name, why in _defaults
	not cp.is_set(c, name)
}

deny contains {
	"msg": sprintf("container %q lists %s in --etcd-servers (plaintext to etcd); use https://.", [c.name, cp.redact_url(item.value)]),
	"path": item.path,
} if {
	some c in cp.apiservers
	some item in cp.list_items(c, "etcd-servers")
	cp.url_scheme(item.value) == "http"
}
