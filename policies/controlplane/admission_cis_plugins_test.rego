package kubeward.rules.controlplane.admission_cis_plugins_test

import data.kubeward.rules.controlplane.admission_cis_plugins

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_one_finding_per_missing_plugin if {
	{f.msg | some f in admission_cis_plugins.deny} == {
		"container \"kube-apiserver\" does not list EventRateLimit in --enable-admission-plugins (off by default); add it.",
		"container \"kube-apiserver\" does not list DenyServiceExternalIPs in --enable-admission-plugins (off by default); add it.",
	} with input as api(["--enable-admission-plugins=NodeRestriction,AlwaysPullImages"])
	count(admission_cis_plugins.deny) == 3 with input as api([])
}

test_always_admit_fires if {
	admission_cis_plugins.deny == {{
		"msg": "container \"kube-apiserver\" enables AlwaysAdmit (deprecated; it admits every request and CIS forbids it); remove it.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as api(["--enable-admission-plugins=EventRateLimit,AlwaysPullImages,DenyServiceExternalIPs", "--enable-admission-plugins=AlwaysAdmit"])
	{f.path | some f in admission_cis_plugins.deny} == {["spec", "containers", 0, "command", 1]} with input as api(["--admission-control=EventRateLimit,AlwaysPullImages,DenyServiceExternalIPs,AlwaysAdmit"])
}

test_all_present_passes if {
	count(admission_cis_plugins.deny) == 0 with input as api(["--enable-admission-plugins=NodeRestriction,EventRateLimit,AlwaysPullImages,DenyServiceExternalIPs"])
	count(admission_cis_plugins.deny) == 0 with input as api(["--enable-admission-plugins=EventRateLimit,AlwaysPullImages,DenyServiceExternalIPs,AlwaysAdmit", "--disable-admission-plugins=AlwaysAdmit"])
}
