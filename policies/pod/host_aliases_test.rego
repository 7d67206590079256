package kubeward.rules.pod.host_aliases_test

import data.kubeward.rules.pod.host_aliases as rule

test_host_aliases_in_deployment if {
	got := rule.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"hostAliases": [
		{"ip": "10.0.0.1", "hostnames": ["db"]},
		{"ip": "10.0.0.2", "hostnames": ["cache"]},
	]}}}}
	got == {{
		"msg": "the pod sets hostAliases (2 entries); remove them and resolve the names through DNS instead.",
		"path": ["spec", "template", "spec", "hostAliases"],
	}}
}

test_single_alias_in_pod if {
	got := rule.deny with input as {"kind": "Pod", "spec": {"hostAliases": [{"ip": "10.0.0.1", "hostnames": ["db"]}]}}
	got == {{
		"msg": "the pod sets hostAliases (1 entry); remove them and resolve the names through DNS instead.",
		"path": ["spec", "hostAliases"],
	}}
}

test_absent_or_empty_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"hostAliases": []}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"hostAliases": null}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"hostAliases": "10.0.0.1 db"}}
}
