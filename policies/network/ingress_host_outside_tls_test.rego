package kubeward.rules.network.ingress_host_outside_tls_test

import data.kubeward.rules.network.ingress_host_outside_tls as rule

ingress(tls, hosts) := {"kind": "Ingress", "metadata": {"name": "web"}, "spec": {"tls": tls, "rules": [{"host": h} | some h in hosts]}}

test_host_outside_tls if {
	rule.deny == {{
		"msg": "Ingress \"web\" spec.rules[1].host \"admin.example.com\" is in no spec.tls hosts; add it to a tls entry whose certificate covers it.",
		"path": ["spec", "rules", 1, "host"],
	}} with input as ingress([{"hosts": ["shop.example.com"], "secretName": "t"}], ["shop.example.com", "admin.example.com"])
}

test_wildcard_covers_exactly_one_label if {
	got := rule.deny with input as ingress(
		[{"hosts": ["*.example.com"]}],
		["a.example.com", "A.Example.com", "a.b.example.com", "example.com", "*.example.com", "*.b.example.com", ".example.com"],
	)
	{f.path[2] | some f in got} == {2, 3, 5, 6}
}

test_covered_across_tls_entries if {
	count(rule.deny) == 0 with input as ingress(
		[{"hosts": ["shop.example.com"]}, {"hosts": ["api.example.com", "*.cdn.example.com"]}],
		["shop.example.com", "SHOP.example.com", "api.example.com", "img.cdn.example.com"],
	)
}

test_rule_without_host_passes if {
	count(rule.deny) == 0 with input as {"kind": "Ingress", "spec": {"tls": [{"hosts": ["a.example.com"]}], "rules": [{"http": {}}, {"host": ""}, {"host": 7}, "x"]}}
}

test_no_tls_passes if {
	count(rule.deny) == 0 with input as ingress([], ["admin.example.com"])
	count(rule.deny) == 0 with input as {"kind": "Ingress", "spec": {"rules": [{"host": "admin.example.com"}]}}
	count(rule.deny) == 0 with input as {"kind": "Service", "spec": {"tls": [{}], "rules": [{"host": "a"}]}}
}

test_tls_entry_without_hosts_covers_nothing if {
	count(rule.deny) == 1 with input as ingress([{"secretName": "t"}, {"hosts": [1, null]}], ["a.example.com"])
}
