package kubeward.rules.controlplane.apiserver_token_auth_file_test

import data.kubeward.rules.controlplane.apiserver_token_auth_file

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_token_file_fires if {
	apiserver_token_auth_file.deny == {{
		"msg": "container \"kube-apiserver\" sets --token-auth-file=/etc/kubernetes/tokens.csv (static tokens never expire and cannot be revoked without a restart); remove it and use client certificates, OIDC or webhook authentication.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as api(["--anonymous-auth=false", "--token-auth-file", "/etc/kubernetes/tokens.csv"])
}

test_absent_or_empty_passes if {
	count(apiserver_token_auth_file.deny) == 0 with input as api(["--anonymous-auth=false"])
	count(apiserver_token_auth_file.deny) == 0 with input as api(["--token-auth-file="])
}
