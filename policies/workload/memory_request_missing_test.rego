package kubeward.rules.workload.memory_request_missing_test

import data.kubeward.rules.workload.memory_request_missing

test_missing_memory_in_job if {
	got := memory_request_missing.deny with input as {"kind": "Job", "spec": {"template": {"spec": {
		"initContainers": [{"name": "init", "resources": {"requests": {"memory": "64Mi"}}}],
		"containers": [{"name": "app", "resources": {"requests": {"cpu": "1"}}}],
	}}}}
	got == {{
		"msg": "container \"app\" does not set resources.requests.memory or resources.limits.memory (default: no memory reserved); set resources.requests.memory.",
		"path": ["spec", "template", "spec", "containers", 0, "resources", "requests", "memory"],
	}}
}

test_missing_memory_in_pod_template if {
	got := memory_request_missing.deny with input as {"kind": "PodTemplate", "template": {"spec": {"initContainers": [{"name": "i"}]}}}
	{f.path | some f in got} == {["template", "spec", "initContainers", 0, "resources", "requests", "memory"]}
}

test_limit_alone_passes if {
	count(memory_request_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "resources": {"limits": {"memory": "1Gi"}}}]}}
}

test_ephemeral_containers_are_skipped if {
	count(memory_request_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"ephemeralContainers": [{"name": "debug"}]}}
}
