package kubeward.rules.namespace.no_limit_range_test

import data.kubeward.rules.namespace.no_limit_range

inv := {"namespaced": {
	"shop": {"LimitRange": {"defaults": {"kind": "LimitRange", "metadata": {"name": "defaults", "namespace": "shop"}}}},
	"blog": {"ResourceQuota": {"compute": {"kind": "ResourceQuota"}}},
}}

ns(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

complete(obj) := got if {
	got := no_limit_range.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_no_limit_range if {
	complete(ns("blog")) == {{
		"msg": "namespace \"blog\" has no LimitRange in the run; add one with default container requests and limits.",
		"path": ["metadata", "name"],
	}}
	count(complete(ns("empty"))) == 1
}

test_limit_range_present_passes if {
	count(complete(ns("shop"))) == 0
}

test_system_namespaces_pass if {
	count(complete(ns("kube-node-lease"))) == 0
}

test_silent_without_complete if {
	count(no_limit_range.deny) == 0 with input as ns("blog") with data.kubeward.inventory as inv
}

test_other_kinds_and_unnamed_pass if {
	count(complete({"kind": "Pod", "metadata": {"name": "blog"}})) == 0
	count(complete({"kind": "Namespace", "metadata": {"name": 3}})) == 0
}
