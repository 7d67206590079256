package kubeward.rules.network.ingress_without_tls_test

import data.kubeward.rules.network.ingress_without_tls as rule

ingress(spec) := {"kind": "Ingress", "metadata": {"name": "web"}, "spec": spec}

test_no_tls if {
	rule.deny == {{
		"msg": "Ingress \"web\" does not set spec.tls (default: plain HTTP); add a tls entry for its hosts with a certificate Secret.",
		"path": ["spec", "tls"],
	}} with input as ingress({"rules": [{"host": "shop.example.com"}]})
	count(rule.deny) == 1 with input as ingress({"tls": []})
	count(rule.deny) == 1 with input as ingress({"tls": "yes"})
	count(rule.deny) == 1 with input as {"kind": "Ingress"}
}

test_tls_entry_passes if {
	count(rule.deny) == 0 with input as ingress({"tls": [{"hosts": ["shop.example.com"], "secretName": "shop-tls"}]})
	count(rule.deny) == 0 with input as ingress({"tls": [{}]})
	count(rule.deny) == 0 with input as {"kind": "Service", "spec": {}}
}
