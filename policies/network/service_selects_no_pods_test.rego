package kubeward.rules.network.service_selects_no_pods_test

import data.kubeward.rules.network.service_selects_no_pods as rule

inv := {"namespaced": {"shop": {
	"Deployment": {"web": {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"metadata": {"labels": {"app": "web", "tier": "front"}}}}}},
	"CronJob": {"report": {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"labels": {"app": "report"}}}}}}}},
}}}

service(ns, spec) := {"kind": "Service", "metadata": {"name": "web", "namespace": ns}, "spec": spec}

deny(obj) := got if {
	got := rule.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_selector_matches_nothing if {
	deny(service("shop", {"selector": {"app": "webapp"}})) == {{
		"msg": "Service \"web\" spec.selector {\"app\":\"webapp\"} selects no pods in namespace \"shop\"; make it match the labels of the pods it fronts, or remove the Service.",
		"path": ["spec", "selector"],
	}}
	count(deny(service("shop", {"selector": {"app": "web", "tier": "back"}}))) == 1
	count(deny(service("other", {"selector": {"app": "web"}}))) == 1
	count(deny(service("shop", {"type": "LoadBalancer", "selector": {"app": 1}}))) == 1
}

test_selector_matches_a_pod_kind if {
	count(deny(service("shop", {"selector": {"app": "web"}}))) == 0
	count(deny(service("shop", {"selector": {"app": "report"}}))) == 0
}

test_no_selector_passes if {
	count(deny(service("shop", {}))) == 0
	count(deny(service("shop", {"selector": {}}))) == 0
	count(deny(service("shop", {"selector": null}))) == 0
}

test_external_name_passes if {
	count(deny(service("shop", {"type": "ExternalName", "externalName": "db.example.com", "selector": {"app": "db"}}))) == 0
}

test_silent_unless_complete if {
	count(rule.deny) == 0 with input as service("shop", {"selector": {"app": "x"}}) with data.kubeward.inventory as inv
}

test_other_kinds_pass if {
	count(deny({"kind": "Deployment", "metadata": {"namespace": "shop"}, "spec": {"selector": {"app": "x"}}})) == 0
}
