package kubeward.rules.workload.memory_limit_missing_test

import data.kubeward.rules.workload.memory_limit_missing

test_limit_missing_in_daemonset if {
	got := memory_limit_missing.deny with input as {"kind": "DaemonSet", "spec": {"template": {"spec": {
		"initContainers": [{"name": "init", "resources": {"requests": {"memory": "64Mi"}}}],
		"containers": [{"name": "ok", "resources": {"requests": {"memory": "64Mi"}, "limits": {"memory": "64Mi"}}}],
	}}}}
	got == {{
		"msg": "container \"init\" does not set resources.limits.memory (default: no limit); set it.",
		"path": ["spec", "template", "spec", "initContainers", 0, "resources", "limits", "memory"],
	}}
}

test_no_requirement_at_all_is_left_to_wrk_003 if {
	count(memory_limit_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c"}, {"name": "d", "resources": {"limits": {"cpu": "1"}}}]}}
}

test_limit_set_passes if {
	count(memory_limit_missing.deny) == 0 with input as {"kind": "ReplicationController", "spec": {"template": {"spec": {"containers": [{"name": "c", "resources": {"limits": {"memory": "1Gi"}}}]}}}}
}

test_ephemeral_containers_are_skipped if {
	count(memory_limit_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"ephemeralContainers": [{"name": "debug", "resources": {"requests": {"memory": "1Gi"}}}]}}
}
