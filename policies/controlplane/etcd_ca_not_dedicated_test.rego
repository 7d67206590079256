package kubeward.rules.controlplane.etcd_ca_not_dedicated_test

import data.kubeward.rules.controlplane.etcd_ca_not_dedicated

etcd(args) := etcd_env(args, [])

etcd_env(args, env) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "etcd", "namespace": "kube-system", "labels": {"component": "etcd", "tier": "control-plane"}}, "spec": {"containers": [{"name": "etcd", "image": "registry.k8s.io/etcd:3.6.4-0", "command": array.concat(["etcd"], args), "env": env}]}}

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

inv(objs) := {"namespaced": {"kube-system": {"Pod": {o.metadata.name: o | some o in objs}}}}

test_shared_ca_fires if {
	e := etcd(["--trusted-ca-file=/etc/kubernetes/pki/ca.crt"])
	a := api(["--client-ca-file=/etc/kubernetes/pki/ca.crt"])
	etcd_ca_not_dedicated.deny == {{
		"msg": "container \"etcd\" sets --trusted-ca-file=/etc/kubernetes/pki/ca.crt, the CA a kube-apiserver of this run also uses for --client-ca-file (every cluster client certificate can reach etcd); use a CA dedicated to etcd.",
		"path": ["spec", "containers", 0, "command", 1],
	}} with input as e with data.kubeward.inventory as inv([e, a])
}

test_shared_ca_through_env_fires if {
	e := etcd_env([], [{"name": "ETCD_TRUSTED_CA_FILE", "value": "/ca.crt"}])
	count(etcd_ca_not_dedicated.deny) == 1 with input as e with data.kubeward.inventory as inv([e, api(["--client-ca-file=/ca.crt"])])
}

test_absent_fires if {
	etcd_ca_not_dedicated.deny == {{
		"msg": "container \"etcd\" does not set --trusted-ca-file (default: none, client certificates are not checked against a dedicated CA); set it to a CA used only for etcd.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as etcd([])
}

test_dedicated_ca_passes if {
	e := etcd(["--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"])
	count(etcd_ca_not_dedicated.deny) == 0 with input as e with data.kubeward.inventory as inv([e, api(["--client-ca-file=/etc/kubernetes/pki/ca.crt"])])
}

test_no_api_server_in_the_run_passes if {
	e := etcd(["--trusted-ca-file=/etc/kubernetes/pki/ca.crt"])
	count(etcd_ca_not_dedicated.deny) == 0 with input as e with data.kubeward.inventory as inv([e])
	count(etcd_ca_not_dedicated.deny) == 0 with input as e
}

test_unknown_value_passes if {
	e := etcd_env([], [{"name": "ETCD_TRUSTED_CA_FILE", "valueFrom": {"configMapKeyRef": {"name": "x", "key": "ca"}}}])
	count(etcd_ca_not_dedicated.deny) == 0 with input as e with data.kubeward.inventory as inv([e, api(["--client-ca-file="])])
}
