package kubeward.rules.namespace.no_resource_quota_test

import data.kubeward.rules.namespace.no_resource_quota

inv := {"namespaced": {
	"shop": {"ResourceQuota": {"compute": {"kind": "ResourceQuota", "metadata": {"name": "compute", "namespace": "shop"}}}},
	"blog": {"LimitRange": {"limits": {"kind": "LimitRange"}}},
}}

ns(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

complete(obj) := got if {
	got := no_resource_quota.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_no_quota if {
	complete(ns("blog")) == {{
		"msg": "namespace \"blog\" has no ResourceQuota in the run; add one that caps its resources.",
		"path": ["metadata", "name"],
	}}
	count(complete(ns("empty"))) == 1
}

test_quota_present_passes if {
	count(complete(ns("shop"))) == 0
}

test_system_namespaces_pass if {
	count(complete(ns("kube-system"))) == 0
}

test_silent_without_complete if {
	count(no_resource_quota.deny) == 0 with input as ns("blog") with data.kubeward.inventory as inv
}

test_other_kinds_and_unnamed_pass if {
	count(complete({"kind": "Pod", "metadata": {"name": "blog"}})) == 0
	count(complete({"kind": "Namespace", "metadata": {}})) == 0
}
