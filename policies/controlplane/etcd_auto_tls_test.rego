package kubeward.rules.controlplane.etcd_auto_tls_test

import data.kubeward.rules.controlplane.etcd_auto_tls

etcd(args) := etcd_env(args, [])

etcd_env(args, env) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "etcd", "namespace": "kube-system", "labels": {"component": "etcd", "tier": "control-plane"}}, "spec": {"containers": [{"name": "etcd", "image": "registry.k8s.io/etcd:3.6.4-0", "command": array.concat(["etcd"], args), "env": env}]}}

test_auto_tls_fires if {
	etcd_auto_tls.deny == {{
		"msg": "container \"etcd\" sets --auto-tls=true (self-signed certificates nobody can verify); remove it and set certificate files.",
		"path": ["spec", "containers", 0, "command", 1],
	}} with input as etcd(["--auto-tls"])
	{f.msg | some f in etcd_auto_tls.deny} == {"container \"etcd\" sets ETCD_PEER_AUTO_TLS=true (self-signed certificates nobody can verify); remove it and set certificate files."} with input as etcd_env([], [{"name": "ETCD_PEER_AUTO_TLS", "value": "true"}])
	count(etcd_auto_tls.deny) == 2 with input as etcd(["--auto-tls=true", "-peer-auto-tls=1"])
}

test_absent_or_false_passes if {
	count(etcd_auto_tls.deny) == 0 with input as etcd([])
	count(etcd_auto_tls.deny) == 0 with input as etcd(["--auto-tls=false", "--peer-auto-tls=false"])
}
