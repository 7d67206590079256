package kubeward.rules.controlplane.etcd_client_tls_test

import data.kubeward.rules.controlplane.etcd_client_tls

etcd(args) := etcd_env(args, [])

etcd_env(args, env) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "etcd", "namespace": "kube-system", "labels": {"component": "etcd", "tier": "control-plane"}}, "spec": {"containers": [{"name": "etcd", "image": "registry.k8s.io/etcd:3.6.4-0", "command": array.concat(["etcd"], args), "env": env}]}}

tls := ["--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--key-file=/etc/kubernetes/pki/etcd/server.key"]

test_plaintext_client_url_fires if {
	etcd_client_tls.deny == {{
		"msg": "container \"etcd\" listens for clients on http://192.168.0.10:2379 (--listen-client-urls), plaintext on a non-loopback address; use https://.",
		"path": ["spec", "containers", 0, "command", 3],
	}} with input as etcd(array.concat(tls, ["--listen-client-urls=https://127.0.0.1:2379,http://192.168.0.10:2379", "--listen-metrics-urls=http://0.0.0.0:2381"]))
	count(etcd_client_tls.deny) == 1 with input as etcd(array.concat(tls, ["-listen-client-urls", "http://:2379"]))
}

test_env_client_url_fires if {
	{f.path | some f in etcd_client_tls.deny} == {["spec", "containers", 0, "env", 0, "value"]} with input as etcd_env(tls, [{"name": "ETCD_LISTEN_CLIENT_URLS", "value": "http://10.0.0.1:2379"}])
}

test_missing_cert_or_key_fires if {
	etcd_client_tls.deny == {{
		"msg": "container \"etcd\" does not set --key-file (default: none, clients are served without TLS); set it.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as etcd(["--cert-file=/etc/kubernetes/pki/etcd/server.crt"])
	count(etcd_client_tls.deny) == 2 with input as etcd([])
	{f.msg | some f in etcd_client_tls.deny} == {"container \"etcd\" sets ETCD_CERT_FILE to an empty value (default: none, clients are served without TLS); set it."} with input as etcd_env(["--key-file=/k"], [{"name": "ETCD_CERT_FILE", "value": ""}])
}

test_tls_passes if {
	count(etcd_client_tls.deny) == 0 with input as etcd(array.concat(tls, ["--listen-client-urls=https://127.0.0.1:2379,https://192.168.0.10:2379", "--listen-metrics-urls=http://127.0.0.1:2381"]))
	count(etcd_client_tls.deny) == 0 with input as etcd(array.concat(tls, ["--listen-client-urls=http://localhost:2379,http://127.0.0.1:2379,http://[::1]:2379"]))
	count(etcd_client_tls.deny) == 0 with input as etcd_env([], [{"name": "ETCD_CERT_FILE", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}, {"name": "ETCD_KEY_FILE", "value": "/k"}])
}

test_config_file_silences if {
	count(etcd_client_tls.deny) == 0 with input as etcd(["--config-file=/etc/etcd/etcd.conf.yml"])
}

test_application_etcd_passes if {
	app := {"kind": "Pod", "metadata": {"name": "etcd-0", "namespace": "shop"}, "spec": {"containers": [{"name": "etcd", "image": "quay.io/coreos/etcd:v3.5.0", "command": ["etcd"]}]}}
	count(etcd_client_tls.deny) == 0 with input as app
}
