package kubeward.rules.namespace.namespace_not_declared_test

import data.kubeward.rules.namespace.namespace_not_declared

inv := {"cluster": {"Namespace": {"shop": {"kind": "Namespace", "metadata": {"name": "shop"}}}}}

complete(obj) := got if {
	got := namespace_not_declared.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_undeclared_namespace if {
	complete({"kind": "Deployment", "metadata": {"name": "web", "namespace": "blog"}}) == {{
		"msg": "metadata.namespace is \"blog\", which has no Namespace object in the run; declare the Namespace with its labels.",
		"path": ["metadata", "namespace"],
	}}
	count(complete({"kind": "Secret", "metadata": {"name": "db", "namespace": "blog"}})) == 1
	count(complete({"kind": "MyResource", "metadata": {"name": "x", "namespace": "blog"}})) == 1
}

test_declared_namespace_passes if {
	count(complete({"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}})) == 0
}

test_default_and_system_namespaces_pass if {
	every ns in ["default", "kube-system", "kube-public", "kube-node-lease"] {
		count(complete({"kind": "ConfigMap", "metadata": {"name": "c", "namespace": ns}})) == 0
	}
}

test_namespace_unset_passes if {
	count(complete({"kind": "ConfigMap", "metadata": {"name": "c"}})) == 0
	count(complete({"kind": "ConfigMap", "metadata": {"name": "c", "namespace": ""}})) == 0
	count(complete({"kind": "ConfigMap", "metadata": {"name": "c", "namespace": 7}})) == 0
}

test_silent_without_complete if {
	count(namespace_not_declared.deny) == 0 with input as {"kind": "Deployment", "metadata": {"namespace": "blog"}} with data.kubeward.inventory as inv
}
