package kubeward.rules.rbac.default_sa_bound_test

import data.kubeward.rules.rbac.default_sa_bound

binding(kind, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind": kind,
	"metadata": {"name": "b", "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "view"},
	"subjects": subjects,
}

test_default_service_account if {
	got := default_sa_bound.deny with input as binding("RoleBinding", [{"kind": "ServiceAccount", "name": "web"}, {"kind": "ServiceAccount", "name": "default"}])
	got == {{
		"msg": "subjects[1] is ServiceAccount \"shop/default\", which every pod of the namespace that names no ServiceAccount runs as; bind a dedicated ServiceAccount instead.",
		"path": ["subjects", 1],
	}}
}

test_cluster_role_binding_other_namespace if {
	got := default_sa_bound.deny with input as binding("ClusterRoleBinding", [{"kind": "ServiceAccount", "name": "default", "namespace": "tools"}])
	[f.msg | some f in got] == ["subjects[0] is ServiceAccount \"tools/default\", which every pod of the namespace that names no ServiceAccount runs as; bind a dedicated ServiceAccount instead."]
}

test_other_subjects_pass if {
	count(default_sa_bound.deny) == 0 with input as binding("RoleBinding", [{"kind": "User", "name": "default"}, {"kind": "ServiceAccount", "name": "builder"}])
}

test_bootstrap_and_other_kinds_pass if {
	boot := object.union(binding("RoleBinding", [{"kind": "ServiceAccount", "name": "default"}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(default_sa_bound.deny) == 0 with input as boot
	count(default_sa_bound.deny) == 0 with input as binding("Role", [{"kind": "ServiceAccount", "name": "default"}])
}
