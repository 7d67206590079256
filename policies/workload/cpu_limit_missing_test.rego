package kubeward.rules.workload.cpu_limit_missing_test

import data.kubeward.rules.workload.cpu_limit_missing

test_limit_missing_in_statefulset if {
	got := cpu_limit_missing.deny with input as {"kind": "StatefulSet", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "resources": {"limits": {"cpu": "1"}}},
		{"name": "app", "resources": {"requests": {"cpu": "100m"}}},
	]}}}}
	got == {{
		"msg": "container \"app\" does not set resources.limits.cpu (default: no limit); set it.",
		"path": ["spec", "template", "spec", "containers", 1, "resources", "limits", "cpu"],
	}}
}

test_init_container_limit_missing if {
	got := cpu_limit_missing.deny with input as {"kind": "Pod", "spec": {"initContainers": [{"name": "i", "resources": {"requests": {"cpu": "1"}, "limits": {"cpu": null}}}]}}
	{f.path | some f in got} == {["spec", "initContainers", 0, "resources", "limits", "cpu"]}
}

test_no_requirement_at_all_is_left_to_wrk_001 if {
	count(cpu_limit_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c"}, {"name": "d", "resources": {"requests": {"memory": "1Gi"}}}]}}
}

test_limit_set_passes if {
	count(cpu_limit_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "c", "resources": {"requests": {"cpu": "1"}, "limits": {"cpu": "2"}}}]}}
}

test_ephemeral_containers_are_skipped if {
	count(cpu_limit_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"ephemeralContainers": [{"name": "debug", "resources": {"requests": {"cpu": "1"}}}]}}
}
