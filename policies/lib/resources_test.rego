package kubeward.lib.resources_test

import data.kubeward.lib.pods
import data.kubeward.lib.resources

_by_name(obj) := x if {
	x := {c.name: c | some c in pods.containers} with input as obj
}

test_requirement_missing if {
	cs := _by_name({"kind": "Pod", "spec": {"containers": [
		{"name": "none"},
		{"name": "req", "resources": {"requests": {"cpu": "100m"}}},
		{"name": "lim", "resources": {"limits": {"cpu": "1"}}},
		{"name": "null", "resources": {"requests": {"cpu": null}, "limits": null}},
		{"name": "bad", "resources": "lots"},
	]}})
	resources.requirement_missing(cs.none, "cpu")
	not resources.requirement_missing(cs.req, "cpu")
	not resources.requirement_missing(cs.lim, "cpu")
	resources.requirement_missing(cs.null, "cpu")
	resources.requirement_missing(cs.bad, "cpu")
	resources.requirement_missing(cs.req, "memory")
}

test_limit_missing if {
	cs := _by_name({"kind": "Pod", "spec": {"containers": [
		{"name": "req", "resources": {"requests": {"memory": "1Gi"}}},
		{"name": "lim", "resources": {"limits": {"memory": "1Gi"}}},
	]}})
	resources.limit_missing(cs.req, "memory")
	not resources.limit_missing(cs.lim, "memory")
}

test_path if {
	cs := _by_name({"kind": "Deployment", "spec": {"template": {"spec": {"initContainers": [{"name": "i"}]}}}})
	resources.path(cs.i, "limits", "cpu") == ["spec", "template", "spec", "initContainers", 0, "resources", "limits", "cpu"]
}
