package kubeward.rules.controlplane.etcd_client_cert_auth_test

import data.kubeward.rules.controlplane.etcd_client_cert_auth

etcd(args) := etcd_env(args, [])

etcd_env(args, env) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "etcd", "namespace": "kube-system", "labels": {"component": "etcd", "tier": "control-plane"}}, "spec": {"containers": [{"name": "etcd", "image": "registry.k8s.io/etcd:3.6.4-0", "command": array.concat(["etcd"], args), "env": env}]}}

test_absent_fires if {
	etcd_client_cert_auth.deny == {{
		"msg": "container \"etcd\" does not set --client-cert-auth (default: false, clients without certificates are served); set --client-cert-auth=true.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as etcd([])
}

test_false_fires if {
	etcd_client_cert_auth.deny == {{
		"msg": "container \"etcd\" sets --client-cert-auth=false (clients without certificates are served); set it to true.",
		"path": ["spec", "containers", 0, "command", 1],
	}} with input as etcd(["-client-cert-auth=false"])
	etcd_client_cert_auth.deny == {{
		"msg": "container \"etcd\" sets ETCD_CLIENT_CERT_AUTH=false (clients without certificates are served); set it to true.",
		"path": ["spec", "containers", 0, "env", 0, "value"],
	}} with input as etcd_env([], [{"name": "ETCD_CLIENT_CERT_AUTH", "value": "false"}])
}

test_true_or_unknown_passes if {
	count(etcd_client_cert_auth.deny) == 0 with input as etcd(["--client-cert-auth"])
	count(etcd_client_cert_auth.deny) == 0 with input as etcd(["--client-cert-auth=true"])
	count(etcd_client_cert_auth.deny) == 0 with input as etcd_env([], [{"name": "ETCD_CLIENT_CERT_AUTH", "value": "true"}])
	count(etcd_client_cert_auth.deny) == 0 with input as etcd_env([], [{"name": "ETCD_CLIENT_CERT_AUTH", "valueFrom": {"configMapKeyRef": {"name": "etcd", "key": "auth"}}}])
	count(etcd_client_cert_auth.deny) == 0 with input as etcd_env(["--config-file=/etc/etcd.yml"], [])
}
