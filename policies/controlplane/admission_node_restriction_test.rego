package kubeward.rules.controlplane.admission_node_restriction_test

import data.kubeward.rules.controlplane.admission_node_restriction

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_default_is_off if {
	admission_node_restriction.deny == {{
		"msg": "container \"kube-apiserver\" does not set --enable-admission-plugins, so NodeRestriction is off (default); add --enable-admission-plugins=NodeRestriction.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as api([])
}

test_not_enabled_fires if {
	admission_node_restriction.deny == {{
		"msg": "container \"kube-apiserver\" does not list NodeRestriction in --enable-admission-plugins (off by default); add it.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as api(["--enable-admission-plugins=PodSecurity", "--enable-admission-plugins=AlwaysPullImages"])
}

test_disabled_or_conflicting_fires if {
	{f.path | some f in admission_node_restriction.deny} == {["spec", "containers", 0, "command", 2]} with input as api(["--enable-admission-plugins=NodeRestriction", "--disable-admission-plugins=NodeRestriction"])
	{f.path | some f in admission_node_restriction.deny} == {["spec", "containers", 0, "command", 1]} with input as api(["--admission-control=NamespaceLifecycle,ServiceAccount"])
}

test_enabled_passes if {
	count(admission_node_restriction.deny) == 0 with input as api(["--enable-admission-plugins=NodeRestriction"])
	count(admission_node_restriction.deny) == 0 with input as api(["--admission-control=NodeRestriction"])
}
