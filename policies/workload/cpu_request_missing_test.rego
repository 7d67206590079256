package kubeward.rules.workload.cpu_request_missing_test

import data.kubeward.rules.workload.cpu_request_missing

test_missing_cpu_in_deployment if {
	got := cpu_request_missing.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {
		"initContainers": [{"name": "init"}],
		"containers": [{"name": "ok", "resources": {"requests": {"cpu": "100m"}}}, {"name": "app", "resources": {"requests": {"memory": "1Gi"}}}],
	}}}}
	got == {
		{
			"msg": "container \"init\" does not set resources.requests.cpu or resources.limits.cpu (default: no CPU reserved); set resources.requests.cpu.",
			"path": ["spec", "template", "spec", "initContainers", 0, "resources", "requests", "cpu"],
		},
		{
			"msg": "container \"app\" does not set resources.requests.cpu or resources.limits.cpu (default: no CPU reserved); set resources.requests.cpu.",
			"path": ["spec", "template", "spec", "containers", 1, "resources", "requests", "cpu"],
		},
	}
}

test_missing_cpu_in_cronjob if {
	got := cpu_request_missing.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "c", "resources": "bad"}]}}}}}}
	{f.path | some f in got} == {["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "resources", "requests", "cpu"]}
}

test_null_request_is_missing if {
	got := cpu_request_missing.deny with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "resources": {"requests": {"cpu": null}}}]}}
	count(got) == 1
}

test_limit_alone_passes if {
	count(cpu_request_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "resources": {"limits": {"cpu": "1"}}}]}}
}

test_request_passes if {
	count(cpu_request_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "resources": {"requests": {"cpu": 1}}}]}}
}

test_ephemeral_containers_are_skipped if {
	count(cpu_request_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"ephemeralContainers": [{"name": "debug"}]}}
}
