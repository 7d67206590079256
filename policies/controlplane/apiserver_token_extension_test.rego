package kubeward.rules.controlplane.apiserver_token_extension_test

import data.kubeward.rules.controlplane.apiserver_token_extension

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_absent_fires if {
	apiserver_token_extension.deny == {{
		"msg": "container \"kube-apiserver\" does not set --service-account-extend-token-expiration (default: true, projected tokens are valid for a year); set --service-account-extend-token-expiration=false.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as api([])
}

test_true_fires if {
	apiserver_token_extension.deny == {{
		"msg": "container \"kube-apiserver\" sets --service-account-extend-token-expiration=true (projected tokens are valid for a year); set it to false.",
		"path": ["spec", "containers", 0, "command", 1],
	}} with input as api(["--service-account-extend-token-expiration"])
}

test_false_passes if {
	count(apiserver_token_extension.deny) == 0 with input as api(["--service-account-extend-token-expiration=false"])
}
