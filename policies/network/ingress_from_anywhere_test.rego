package kubeward.rules.network.ingress_from_anywhere_test

import data.kubeward.rules.network.ingress_from_anywhere as rule

np(spec) := {"kind": "NetworkPolicy", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

test_rule_without_peers_and_any_cidr if {
	got := rule.deny with input as np({
		"podSelector": {"matchLabels": {"app": "web"}},
		"ingress": [
			{"ports": [{"port": 8080}]},
			{"from": [{"podSelector": {"matchLabels": {"app": "lb"}}}]},
			{"from": [{"ipBlock": {"cidr": "10.0.0.0/8"}}, {"ipBlock": {"cidr": "0.0.0.0/0"}}]},
			{"from": []},
			{"from": [{"ipBlock": {"cidr": "::/0"}}]},
		],
	})
	got == {
		{
			"msg": "NetworkPolicy \"web\" spec.ingress[0] has no from peers, which allows ingress from any source; list the pods, namespaces or ipBlocks that may connect.",
			"path": ["spec", "ingress", 0, "from"],
		},
		{
			"msg": "NetworkPolicy \"web\" spec.ingress[2].from[1].ipBlock.cidr is 0.0.0.0/0, which allows ingress from any address; narrow it to the ranges that need access.",
			"path": ["spec", "ingress", 2, "from", 1, "ipBlock", "cidr"],
		},
		{
			"msg": "NetworkPolicy \"web\" spec.ingress[3] has no from peers, which allows ingress from any source; list the pods, namespaces or ipBlocks that may connect.",
			"path": ["spec", "ingress", 3, "from"],
		},
		{
			"msg": "NetworkPolicy \"web\" spec.ingress[4].from[0].ipBlock.cidr is ::/0, which allows ingress from any address; narrow it to the ranges that need access.",
			"path": ["spec", "ingress", 4, "from", 0, "ipBlock", "cidr"],
		},
	}
}

test_explicit_ingress_type if {
	count(rule.deny) == 1 with input as np({"policyTypes": ["Ingress", "Egress"], "ingress": [{}]})
}

test_deny_all_ingress_passes if {
	count(rule.deny) == 0 with input as np({"podSelector": {}})
	count(rule.deny) == 0 with input as np({"podSelector": {}, "ingress": []})
	count(rule.deny) == 0 with input as np({"podSelector": {}, "policyTypes": ["Ingress"], "ingress": null})
}

test_only_egress_type_passes if {
	count(rule.deny) == 0 with input as np({"policyTypes": ["Egress"], "ingress": [{}], "egress": [{"to": [{"podSelector": {}}]}]})
}

test_restricted_peers_pass if {
	count(rule.deny) == 0 with input as np({"ingress": [{"from": [
		{"podSelector": {}},
		{"namespaceSelector": {}},
		{"ipBlock": {"cidr": "192.168.0.0/16"}},
	]}]})
}

test_other_kinds_and_bad_input_pass if {
	count(rule.deny) == 0 with input as {"kind": "Service", "spec": {"ingress": [{}]}}
	count(rule.deny) == 0 with input as np({"ingress": "all"})
	count(rule.deny) == 0 with input as np("bad")
}
