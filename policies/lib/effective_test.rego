package kubeward.lib.effective_test

import data.kubeward.lib.effective
import data.kubeward.lib.pods

test_path_and_source if {
	obj := {"kind": "Job", "spec": {"template": {"spec": {
		"securityContext": {"runAsUser": 1},
		"containers": [{"name": "a", "securityContext": {"runAsUser": 2}}, {"name": "b"}],
	}}}}
	paths := {c.name: effective.path(c, "runAsUser") | some c in pods.containers} with input as obj
	paths == {
		"a": ["spec", "template", "spec", "containers", 0, "securityContext", "runAsUser"],
		"b": ["spec", "template", "spec", "securityContext", "runAsUser"],
	}
	inherited := {c.name | some c in pods.containers; effective.from_pod(c, "runAsUser")} with input as obj
	inherited == {"b"}
}

test_unset_everywhere_points_at_container if {
	obj := {"kind": "Pod", "spec": {"containers": [{"name": "a"}]}}
	paths := {effective.path(c, "runAsGroup") | some c in pods.containers} with input as obj
	paths == {["spec", "containers", 0, "securityContext", "runAsGroup"]}
	count({c | some c in pods.containers; effective.from_pod(c, "runAsGroup")}) == 0 with input as obj
}
