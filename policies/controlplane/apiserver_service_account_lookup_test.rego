package kubeward.rules.controlplane.apiserver_service_account_lookup_test

import data.kubeward.rules.controlplane.apiserver_service_account_lookup

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_false_fires if {
	apiserver_service_account_lookup.deny == {{
		"msg": "container \"kube-apiserver\" sets --service-account-lookup=F (tokens of deleted ServiceAccounts keep working); remove it or set it to true.",
		"path": ["spec", "containers", 0, "command", 1],
	}} with input as api(["--service-account-lookup=F"])
}

test_absent_or_true_passes if {
	count(apiserver_service_account_lookup.deny) == 0 with input as api([])
	count(apiserver_service_account_lookup.deny) == 0 with input as api(["--service-account-lookup"])
	count(apiserver_service_account_lookup.deny) == 0 with input as api(["--service-account-lookup=true"])
	count(apiserver_service_account_lookup.deny) == 0 with input as api(["--service-account-lookup", "false"])
}
