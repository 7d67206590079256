package kubeward.lib.pods_test

import data.kubeward.lib.pods

test_spec_path_every_kind if {
	pods.spec_path_of({"kind": "Pod"}) == ["spec"]
	pods.spec_path_of({"kind": "PodTemplate"}) == ["template", "spec"]
	every k in ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController"] {
		pods.spec_path_of({"kind": k}) == ["spec", "template", "spec"]
	}
	pods.spec_path_of({"kind": "CronJob"}) == ["spec", "jobTemplate", "spec", "template", "spec"]
	not pods.spec_path_of({"kind": "Service"})
}

test_meta_path if {
	pods.meta_path_of({"kind": "Pod"}) == ["metadata"]
	pods.meta_path_of({"kind": "PodTemplate"}) == ["template", "metadata"]
	pods.meta_path_of({"kind": "Deployment"}) == ["spec", "template", "metadata"]
	pods.meta_path_of({"kind": "CronJob"}) == ["spec", "jobTemplate", "spec", "template", "metadata"]
}

test_containers_in_order_with_paths if {
	obj := {"kind": "Deployment", "spec": {"template": {"spec": {
		"initContainers": [{"name": "i"}],
		"containers": [{"name": "a"}, {"name": "b"}],
		"ephemeralContainers": [{"name": "e"}],
	}}}}
	cs := pods.containers with input as obj
	cs == {
		{"container": {"name": "i"}, "name": "i", "path": ["spec", "template", "spec", "initContainers", 0], "field": "initContainers"},
		{"container": {"name": "a"}, "name": "a", "path": ["spec", "template", "spec", "containers", 0], "field": "containers"},
		{"container": {"name": "b"}, "name": "b", "path": ["spec", "template", "spec", "containers", 1], "field": "containers"},
		{"container": {"name": "e"}, "name": "e", "path": ["spec", "template", "spec", "ephemeralContainers", 0], "field": "ephemeralContainers"},
	}
	apps := pods.app_containers with input as obj
	{c.name | some c in apps} == {"i", "a", "b"}
}

test_containers_ignore_non_objects if {
	cs := pods.containers with input as {"kind": "Pod", "spec": {"containers": ["x", {"name": "ok"}]}}
	{c.name | some c in cs} == {"ok"}
}

test_unnamed_container if {
	cs := pods.containers with input as {"kind": "Pod", "spec": {"containers": [{"image": "x"}]}}
	{c.name | some c in cs} == {"<unnamed>"}
}

test_spec_defaults_to_empty if {
	pods.spec == {} with input as {"kind": "Pod"}
	pods.spec == {} with input as {"kind": "Pod", "spec": "oops"}
	pods.meta == {} with input as {"kind": "Deployment", "spec": {}}
	not pods.is_pod_kind with input as {"kind": "Service"}
	pods.is_pod_kind with input as {"kind": "CronJob"}
}

test_effective_prefers_container if {
	obj := {"kind": "Pod", "spec": {"securityContext": {"runAsUser": 1}, "containers": [{"name": "a", "securityContext": {"runAsUser": 2}}, {"name": "b"}]}}
	got := {c.name: pods.effective(c, "runAsUser") | some c in pods.containers} with input as obj
	got == {"a": 2, "b": 1}
}

test_sc_helpers if {
	obj := {"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"privileged": true}}, {"name": "b", "securityContext": "bad"}]}}
	got := {c.name: pods.sc(c) | some c in pods.containers} with input as obj
	got == {"a": {"privileged": true}, "b": {}}
	hs := {c.name | some c in pods.containers; pods.has_sc(c)} with input as obj
	hs == {"a"}
	paths := {pods.sc_path(c, "x") | some c in pods.containers; c.name == "a"} with input as obj
	paths == {["spec", "containers", 0, "securityContext", "x"]}
}

test_pod_sc if {
	pods.pod_sc == {"a": 1} with input as {"kind": "Pod", "spec": {"securityContext": {"a": 1}}}
	pods.pod_sc == {} with input as {"kind": "Pod", "spec": {}}
	pods.pod_sc_path == ["spec", "template", "spec", "securityContext"] with input as {"kind": "Job", "spec": {}}
}

test_windows_and_user_namespace if {
	pods.is_windows with input as {"kind": "Pod", "spec": {"os": {"name": "windows"}}}
	not pods.is_windows with input as {"kind": "Pod", "spec": {"os": {"name": "linux"}}}
	pods.user_namespaced with input as {"kind": "Pod", "spec": {"hostUsers": false}}
	not pods.user_namespaced with input as {"kind": "Pod", "spec": {}}
}

test_volumes if {
	vs := pods.volumes with input as {"kind": "Pod", "spec": {"volumes": [{"name": "v", "emptyDir": {}}, "bad"]}}
	vs == {{"volume": {"name": "v", "emptyDir": {}}, "name": "v", "path": ["spec", "volumes", 0]}}
}

test_effective_null_falls_back_to_pod if {
	obj := {"kind": "Pod", "spec": {"securityContext": {"runAsUser": 1}, "containers": [{"name": "a", "securityContext": {"runAsUser": null}}]}}
	got := {c.name: pods.effective(c, "runAsUser") | some c in pods.containers} with input as obj
	got == {"a": 1}
}

test_is_pod_or_workload if {
	pods.is_pod_or_workload with input as {"kind": "Pod"}
	pods.is_pod_or_workload with input as {"kind": "CronJob"}
	not pods.is_pod_or_workload with input as {"kind": "PodTemplate"}
	not pods.is_pod_or_workload with input as {"kind": "Service"}
	every kind in pods.pod_kinds {
		pods.is_pod_kind with input as {"kind": kind}
	}
}
