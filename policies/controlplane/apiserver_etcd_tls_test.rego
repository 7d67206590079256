package kubeward.rules.controlplane.apiserver_etcd_tls_test

import data.kubeward.rules.controlplane.apiserver_etcd_tls

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

tls := [
	"--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
	"--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
	"--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
]

test_http_server_fires if {
	apiserver_etcd_tls.deny == {{
		"msg": "container \"kube-apiserver\" lists http://***@10.0.0.2:2379 in --etcd-servers (plaintext to etcd); use https://.",
		"path": ["spec", "containers", 0, "command", 5],
	}} with input as api(array.concat(tls, ["--etcd-servers=https://10.0.0.1:2379", "--etcd-servers=unix:///run/etcd.sock,http://root:pw@10.0.0.2:2379"]))
	count(apiserver_etcd_tls.deny) == 1 with input as api(array.concat(tls, ["--etcd-servers", "HTTP://etcd:2379"]))
}

test_missing_files_fire if {
	count(apiserver_etcd_tls.deny) == 3 with input as api(["--etcd-servers=https://127.0.0.1:2379"])
	apiserver_etcd_tls.deny == {{
		"msg": "container \"kube-apiserver\" does not set --etcd-cafile (default: none, etcd's certificate is checked against the system roots only); set it.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as api(array.slice(tls, 1, 3))
}

test_tls_passes if {
	count(apiserver_etcd_tls.deny) == 0 with input as api(array.concat(tls, ["--etcd-servers=https://127.0.0.1:2379,unix:///run/etcd.sock"]))
	count(apiserver_etcd_tls.deny) == 0 with input as api(tls)
}
