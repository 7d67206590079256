package kubeward.rules.controlplane.apiserver_encryption_config_test

import data.kubeward.rules.controlplane.apiserver_encryption_config

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_absent_fires if {
	apiserver_encryption_config.deny == {{
		"msg": "container \"kube-apiserver\" does not set --encryption-provider-config (default: none, Secrets are stored in etcd in plain text); set it to an EncryptionConfiguration file.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as api([])
}

test_present_passes if {
	count(apiserver_encryption_config.deny) == 0 with input as api(["--encryption-provider-config=/etc/kubernetes/enc/enc.yaml"])
}
