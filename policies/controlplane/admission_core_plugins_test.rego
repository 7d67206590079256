package kubeward.rules.controlplane.admission_core_plugins_test

import data.kubeward.rules.controlplane.admission_core_plugins

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_disabled_fires if {
	admission_core_plugins.deny == {{
		"msg": "container \"kube-apiserver\" lists ServiceAccount in --disable-admission-plugins; remove it from that list.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as api(["--enable-admission-plugins=NodeRestriction", "--disable-admission-plugins=PodSecurity,ServiceAccount"])
}

test_legacy_list_fires_for_each if {
	{f.msg | some f in admission_core_plugins.deny} == {
		"container \"kube-apiserver\" sets --admission-control without ServiceAccount (that legacy list replaces the defaults); add ServiceAccount to it, or move to --enable-admission-plugins.",
		"container \"kube-apiserver\" sets --admission-control without NamespaceLifecycle (that legacy list replaces the defaults); add NamespaceLifecycle to it, or move to --enable-admission-plugins.",
	} with input as api(["--admission-control=NodeRestriction"])
}

test_conflict_counts_as_disabled if {
	{f.msg | some f in admission_core_plugins.deny} == {"container \"kube-apiserver\" lists NamespaceLifecycle in both --enable-admission-plugins and --disable-admission-plugins (the API server refuses to start; it counts as disabled); remove it from --disable-admission-plugins."} with input as api(["--enable-admission-plugins=NamespaceLifecycle", "--disable-admission-plugins=NamespaceLifecycle"])
}

test_defaults_pass if {
	count(admission_core_plugins.deny) == 0 with input as api([])
	count(admission_core_plugins.deny) == 0 with input as api(["--disable-admission-plugins=DefaultStorageClass"])
	count(admission_core_plugins.deny) == 0 with input as api(["--admission-control=NamespaceLifecycle,ServiceAccount"])
}
