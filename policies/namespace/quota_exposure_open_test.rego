package kubeward.rules.namespace.quota_exposure_open_test

import data.kubeward.rules.namespace.quota_exposure_open

quota(name, hard) := {"kind": "ResourceQuota", "metadata": {"name": name}, "spec": {"hard": hard}}

inv := {"namespaced": {
	"shop": {"ResourceQuota": {
		"compute": quota("compute", {"requests.cpu": "8"}),
		"objects": quota("objects", {"pods": "50"}),
	}},
	"half": {"ResourceQuota": {
		"compute": quota("compute", {"requests.cpu": "8"}),
		"services": quota("services", {"services.loadbalancers": "0"}),
	}},
	"closed": {"ResourceQuota": {
		"a": quota("a", {"services.loadbalancers": "0"}),
		"b": quota("b", {"services.nodeports": "0"}),
	}},
	"broken": {"ResourceQuota": {"x": {"kind": "ResourceQuota", "spec": {"hard": "all"}}}},
	"none": {"ConfigMap": {"c": {}}},
	"kube-system": {"ResourceQuota": {"q": quota("q", {})}},
}}

ns(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

complete(obj) := got if {
	got := quota_exposure_open.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_neither_key_set if {
	complete(ns("shop")) == {{
		"msg": "namespace \"shop\" has ResourceQuota \"compute\", \"objects\" but none sets spec.hard[\"services.loadbalancers\"] or spec.hard[\"services.nodeports\"] (default: unlimited); set them in spec.hard, \"0\" to forbid such Services.",
		"path": ["metadata", "name"],
	}}
	count(complete(ns("broken"))) == 1
}

test_one_key_missing if {
	[f.msg | some f in complete(ns("half"))] == ["namespace \"half\" has ResourceQuota \"compute\", \"services\" but none sets spec.hard[\"services.nodeports\"] (default: unlimited); set them in spec.hard, \"0\" to forbid such Services."]
}

test_both_keys_set_across_quotas_passes if {
	count(complete(ns("closed"))) == 0
}

test_no_quota_passes if {
	count(complete(ns("none"))) == 0
	count(complete(ns("unknown"))) == 0
}

test_system_namespaces_pass if {
	count(complete(ns("kube-system"))) == 0
}

test_silent_without_complete if {
	count(quota_exposure_open.deny) == 0 with input as ns("shop") with data.kubeward.inventory as inv
}

test_other_kinds_pass if {
	count(complete({"kind": "ConfigMap", "metadata": {"name": "shop"}})) == 0
	count(complete({"kind": "Namespace", "metadata": {}})) == 0
}
