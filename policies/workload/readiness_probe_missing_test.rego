package kubeward.rules.workload.readiness_probe_missing_test

import data.kubeward.rules.workload.readiness_probe_missing

test_missing_in_statefulset if {
	got := readiness_probe_missing.deny with input as {"kind": "StatefulSet", "spec": {"template": {"spec": {
		"initContainers": [{"name": "init"}],
		"containers": [{"name": "app"}, {"name": "ok", "readinessProbe": {"httpGet": {"port": 80}}}],
	}}}}
	got == {{
		"msg": "container \"app\" does not set readinessProbe (default: none, the pod gets traffic as soon as it starts); add one.",
		"path": ["spec", "template", "spec", "containers", 0, "readinessProbe"],
	}}
}

test_missing_in_other_kinds if {
	every kind in ["Deployment", "ReplicaSet", "ReplicationController"] {
		count(readiness_probe_missing.deny) == 1 with input as {"kind": kind, "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}
	}
}

test_other_kinds_pass if {
	count(readiness_probe_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a"}]}}
	every kind in ["DaemonSet", "Job"] {
		count(readiness_probe_missing.deny) == 0 with input as {"kind": kind, "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}
	}
}
