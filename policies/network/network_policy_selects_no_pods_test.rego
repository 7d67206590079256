package kubeward.rules.network.network_policy_selects_no_pods_test

import data.kubeward.rules.network.network_policy_selects_no_pods as rule

inv := {"namespaced": {"shop": {
	"StatefulSet": {"db": {"kind": "StatefulSet", "spec": {"template": {"metadata": {"labels": {"app": "db", "tier": "data"}}}}}},
	"Pod": {"debug": {"kind": "Pod", "metadata": {"name": "debug", "labels": {"app": "debug"}}}},
}}}

np(ns, selector) := {"kind": "NetworkPolicy", "metadata": {"name": "db", "namespace": ns}, "spec": {"podSelector": selector}}

deny(obj) := got if {
	got := rule.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_selector_matches_nothing if {
	deny(np("shop", {"matchLabels": {"app": "database"}})) == {{
		"msg": "NetworkPolicy \"db\" spec.podSelector {\"matchLabels\":{\"app\":\"database\"}} selects no pods in namespace \"shop\"; make it match the labels of the pods to protect, or remove the policy.",
		"path": ["spec", "podSelector"],
	}}
	count(deny(np("shop", {"matchExpressions": [{"key": "app", "operator": "In", "values": ["cache"]}]}))) == 1
	count(deny(np("other", {"matchLabels": {"app": "db"}}))) == 1
}

test_selector_matches_a_pod_kind if {
	count(deny(np("shop", {"matchLabels": {"app": "db"}}))) == 0
	count(deny(np("shop", {"matchLabels": {"app": "debug"}}))) == 0
	count(deny(np("shop", {"matchExpressions": [{"key": "tier", "operator": "Exists"}]}))) == 0
}

test_empty_selector_passes if {
	count(deny(np("other", {}))) == 0
	count(deny(np("other", null))) == 0
	count(deny(np("other", {"matchLabels": {}}))) == 0
	count(deny({"kind": "NetworkPolicy", "metadata": {"namespace": "other"}, "spec": {}})) == 0
}

test_bad_selector_passes if {
	count(deny(np("shop", "app=db"))) == 0
}

test_silent_unless_complete if {
	count(rule.deny) == 0 with input as np("shop", {"matchLabels": {"app": "x"}}) with data.kubeward.inventory as inv
}

test_other_kinds_pass if {
	count(deny({"kind": "Service", "spec": {"podSelector": {"matchLabels": {"app": "x"}}}})) == 0
}
