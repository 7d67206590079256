package kubeward.rules.workload.liveness_probe_missing_test

import data.kubeward.rules.workload.liveness_probe_missing

test_missing_in_deployment if {
	got := liveness_probe_missing.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {
		"initContainers": [{"name": "init"}, {"name": "sidecar", "restartPolicy": "Always"}],
		"containers": [{"name": "ok", "livenessProbe": {"tcpSocket": {"port": 80}}}, {"name": "app"}],
		"ephemeralContainers": [{"name": "debug"}],
	}}}}
	got == {{
		"msg": "container \"app\" does not set livenessProbe (default: none, a hung process is not restarted); add one.",
		"path": ["spec", "template", "spec", "containers", 1, "livenessProbe"],
	}}
}

test_missing_in_pod_that_restarts if {
	got := liveness_probe_missing.deny with input as {"kind": "Pod", "spec": {"restartPolicy": "Always", "containers": [{"name": "a", "livenessProbe": null}]}}
	{f.path | some f in got} == {["spec", "containers", 0, "livenessProbe"]}
}

test_missing_in_other_kinds if {
	every kind in ["ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController"] {
		count(liveness_probe_missing.deny) == 1 with input as {"kind": kind, "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}
	}
}

test_pod_that_runs_to_completion_passes if {
	every policy in ["Never", "OnFailure"] {
		count(liveness_probe_missing.deny) == 0 with input as {"kind": "Pod", "spec": {"restartPolicy": policy, "containers": [{"name": "a"}]}}
	}
}

test_job_cronjob_podtemplate_pass if {
	count(liveness_probe_missing.deny) == 0 with input as {"kind": "Job", "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}
	count(liveness_probe_missing.deny) == 0 with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}}}
	count(liveness_probe_missing.deny) == 0 with input as {"kind": "PodTemplate", "template": {"spec": {"containers": [{"name": "a"}]}}}
}
