package kubeward.rules.controlplane.apiserver_request_timeout_test

import data.kubeward.rules.controlplane.apiserver_request_timeout

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_long_timeout_fires if {
	apiserver_request_timeout.deny == {{
		"msg": "container \"kube-apiserver\" sets --request-timeout=5m1s, longer than 5m; remove it (default: 1m0s) or set a duration up to 5m.",
		"path": ["spec", "containers", 0, "command", 1],
	}} with input as api(["--request-timeout=5m1s"])
}

test_non_positive_fires if {
	{f.msg | some f in apiserver_request_timeout.deny} == {"container \"kube-apiserver\" sets --request-timeout=0s, which is not positive; remove it (default: 1m0s) or set a duration up to 5m."} with input as api(["--request-timeout=0s"])
	count(apiserver_request_timeout.deny) == 1 with input as api(["--request-timeout=-1m"])
}

test_unparsable_fires if {
	{f.msg | some f in apiserver_request_timeout.deny} == {"container \"kube-apiserver\" sets --request-timeout=60, which is not a Go duration; remove it (default: 1m0s) or set a duration up to 5m."} with input as api(["--request-timeout", "60"])
	count(apiserver_request_timeout.deny) == 1 with input as api(["--request-timeout="])
}

test_absent_or_within_passes if {
	count(apiserver_request_timeout.deny) == 0 with input as api([])
	count(apiserver_request_timeout.deny) == 0 with input as api(["--request-timeout=5m"])
	count(apiserver_request_timeout.deny) == 0 with input as api(["--request-timeout=300s"])
	count(apiserver_request_timeout.deny) == 0 with input as api(["--request-timeout=1m0s"])
}
