package kubeward.rules.controlplane.etcd_peer_tls_test

import data.kubeward.rules.controlplane.etcd_peer_tls

etcd(args) := etcd_env(args, [])

etcd_env(args, env) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "etcd", "namespace": "kube-system", "labels": {"component": "etcd", "tier": "control-plane"}}, "spec": {"containers": [{"name": "etcd", "image": "registry.k8s.io/etcd:3.6.4-0", "command": array.concat(["etcd"], args), "env": env}]}}

peer := ["--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key"]

test_peer_client_cert_auth_absent_fires if {
	etcd_peer_tls.deny == {{
		"msg": "container \"etcd\" does not set --peer-client-cert-auth (default: false, peers without certificates are accepted); set --peer-client-cert-auth=true.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as etcd(peer)
}

test_peer_client_cert_auth_false_fires if {
	etcd_peer_tls.deny == {{
		"msg": "container \"etcd\" sets --peer-client-cert-auth=false (peers without certificates are accepted); set it to true.",
		"path": ["spec", "containers", 0, "command", 3],
	}} with input as etcd(array.concat(peer, ["--peer-client-cert-auth=false"]))
}

test_missing_files_fire if {
	etcd_peer_tls.deny == {{
		"msg": "container \"etcd\" does not set --peer-key-file (default: none, peer traffic is not encrypted); set it.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as etcd(["--peer-cert-file=/p.crt", "--peer-client-cert-auth=true"])
	count(etcd_peer_tls.deny) == 3 with input as etcd([])
}

test_complete_passes if {
	count(etcd_peer_tls.deny) == 0 with input as etcd(array.concat(peer, ["--peer-client-cert-auth=true"]))
	count(etcd_peer_tls.deny) == 0 with input as etcd_env([], [
		{"name": "ETCD_PEER_CERT_FILE", "value": "/p.crt"},
		{"name": "ETCD_PEER_KEY_FILE", "value": "/p.key"},
		{"name": "ETCD_PEER_CLIENT_CERT_AUTH", "value": "true"},
	])
}
