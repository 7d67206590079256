package kubeward.rules.network.egress_to_anywhere_test

import data.kubeward.rules.network.egress_to_anywhere as rule

np(spec) := {"kind": "NetworkPolicy", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

test_rule_without_peers_and_any_cidr if {
	got := rule.deny with input as np({
		"podSelector": {},
		"policyTypes": ["Egress"],
		"egress": [
			{"ports": [{"port": 53, "protocol": "UDP"}]},
			{"to": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": ["169.254.169.254/32"]}}]},
			{"to": [{"namespaceSelector": {"matchLabels": {"team": "db"}}}]},
		],
	})
	got == {
		{
			"msg": "NetworkPolicy \"web\" spec.egress[0] has no to peers, which allows egress to any destination; list the pods, namespaces or ipBlocks the pods need to reach.",
			"path": ["spec", "egress", 0, "to"],
		},
		{
			"msg": "NetworkPolicy \"web\" spec.egress[1].to[0].ipBlock.cidr is 0.0.0.0/0, which allows egress to any address; narrow it to the ranges the pods need to reach.",
			"path": ["spec", "egress", 1, "to", 0, "ipBlock", "cidr"],
		},
	}
}

test_egress_type_defaulted_from_egress_rules if {
	{f.path | some f in rule.deny} == {["spec", "egress", 0, "to"]} with input as np({"egress": [{"to": []}]})
}

test_deny_all_egress_passes if {
	count(rule.deny) == 0 with input as np({"policyTypes": ["Egress"]})
	count(rule.deny) == 0 with input as np({"policyTypes": ["Ingress", "Egress"], "egress": []})
}

test_no_egress_type_passes if {
	count(rule.deny) == 0 with input as np({"policyTypes": ["Ingress"], "egress": [{}]})
}

test_other_kinds_and_bad_input_pass if {
	count(rule.deny) == 0 with input as {"kind": "Ingress", "spec": {"egress": [{}]}}
	count(rule.deny) == 0 with input as np({"policyTypes": ["Egress"], "egress": [7, {"to": [{"ipBlock": "all"}]}]})
}
