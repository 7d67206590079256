package kubeward.rules.network.ingress_from_all_namespaces_test

import data.kubeward.rules.network.ingress_from_all_namespaces as rule

np(spec) := {"kind": "NetworkPolicy", "metadata": {"name": "api", "namespace": "shop"}, "spec": spec}

test_empty_namespace_selector_without_pod_selector if {
	got := rule.deny with input as np({"ingress": [
		{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}]},
		{"from": [
			{"namespaceSelector": {"matchLabels": {"team": "web"}}},
			{"namespaceSelector": {}},
		]},
	]})
	got == {{
		"msg": "NetworkPolicy \"api\" spec.ingress[1].from[1] has an empty namespaceSelector and no podSelector, which admits every pod of every namespace; give the namespaceSelector the labels of the namespaces that need access.",
		"path": ["spec", "ingress", 1, "from", 1, "namespaceSelector"],
	}}
}

test_empty_forms_of_the_selectors if {
	got := rule.deny with input as np({"ingress": [{"from": [
		{"namespaceSelector": {"matchLabels": {}}},
		{"namespaceSelector": {"matchExpressions": []}, "podSelector": null},
		{"namespaceSelector": {}, "podSelector": {}},
		{"namespaceSelector": {}, "podSelector": {"matchLabels": null}},
	]}]})
	{f.path[4] | some f in got} == {0, 1, 2, 3}
}

test_selectors_with_labels_pass if {
	count(rule.deny) == 0 with input as np({"ingress": [{"from": [
		{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "web"}}},
		{"namespaceSelector": {"matchExpressions": [{"key": "team", "operator": "Exists"}]}},
		{"namespaceSelector": {}, "podSelector": {"matchLabels": {"app": "web"}}},
		{"podSelector": {}},
		{"namespaceSelector": null},
	]}]})
}

test_only_egress_type_passes if {
	count(rule.deny) == 0 with input as np({"policyTypes": ["Egress"], "ingress": [{"from": [{"namespaceSelector": {}}]}]})
}

test_other_kinds_and_bad_input_pass if {
	count(rule.deny) == 0 with input as {"kind": "Service", "spec": {"ingress": [{"from": [{"namespaceSelector": {}}]}]}}
	count(rule.deny) == 0 with input as np({"ingress": [{"from": "all"}, "x", {"from": [null, {"namespaceSelector": "all"}]}]})
}
