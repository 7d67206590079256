package kubeward.rules.network.namespace_without_network_policy_test

import data.kubeward.rules.network.namespace_without_network_policy as rule

namespace(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

inv := {
	"namespaced": {
		"shop": {"NetworkPolicy": {"default-deny": {"kind": "NetworkPolicy", "metadata": {"name": "default-deny", "namespace": "shop"}}}},
		"blog": {"Deployment": {"web": {"kind": "Deployment"}}},
	},
	"cluster": {"Namespace": {"shop": namespace("shop"), "blog": namespace("blog")}},
}

deny(obj) := got if {
	got := rule.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_namespace_without_policy if {
	deny(namespace("blog")) == {{
		"msg": "namespace \"blog\" has no NetworkPolicy; add one, starting with a default deny for all its pods.",
		"path": ["metadata", "name"],
	}}
}

test_empty_namespace_without_policy if {
	count(deny(namespace("empty"))) == 1
}

test_namespace_with_policy_passes if {
	count(deny(namespace("shop"))) == 0
}

test_system_namespaces_pass if {
	every name in ["kube-system", "kube-public", "kube-node-lease"] {
		count(deny(namespace(name))) == 0
	}
}

test_silent_unless_complete if {
	count(rule.deny) == 0 with input as namespace("blog") with data.kubeward.inventory as inv
}

test_other_kinds_and_bad_names_pass if {
	count(deny({"kind": "Deployment", "metadata": {"name": "blog"}})) == 0
	count(deny({"kind": "Namespace", "metadata": {"name": 3}})) == 0
	count(deny({"kind": "Namespace"})) == 0
}
