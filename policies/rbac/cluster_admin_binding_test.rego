package kubeward.rules.rbac.cluster_admin_binding_test

import data.kubeward.rules.rbac.cluster_admin_binding

binding(kind, ref_kind, name) := {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind": kind,
	"metadata": {"name": "b", "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": ref_kind, "name": name},
	"subjects": [{"kind": "User", "name": "jane"}],
}

test_cluster_role_binding if {
	got := cluster_admin_binding.deny with input as binding("ClusterRoleBinding", "ClusterRole", "cluster-admin")
	got == {{
		"msg": "roleRef is ClusterRole \"cluster-admin\", which grants every right in the whole cluster; bind a role with only the rights the subjects need.",
		"path": ["roleRef", "name"],
	}}
}

test_role_binding if {
	got := cluster_admin_binding.deny with input as binding("RoleBinding", "ClusterRole", "cluster-admin")
	[f.msg | some f in got] == ["roleRef is ClusterRole \"cluster-admin\", which grants every right in namespace \"shop\"; bind a role with only the rights the subjects need."]
	got2 := cluster_admin_binding.deny with input as {"kind": "RoleBinding", "roleRef": {"kind": "ClusterRole", "name": "cluster-admin"}}
	[f.msg | some f in got2] == ["roleRef is ClusterRole \"cluster-admin\", which grants every right in the binding's namespace; bind a role with only the rights the subjects need."]
}

test_other_roles_pass if {
	count(cluster_admin_binding.deny) == 0 with input as binding("ClusterRoleBinding", "ClusterRole", "admin")
	count(cluster_admin_binding.deny) == 0 with input as binding("RoleBinding", "Role", "cluster-admin")
}

test_bootstrap_and_other_kinds_pass if {
	boot := object.union(binding("ClusterRoleBinding", "ClusterRole", "cluster-admin"), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(cluster_admin_binding.deny) == 0 with input as boot
	count(cluster_admin_binding.deny) == 0 with input as binding("ClusterRole", "ClusterRole", "cluster-admin")
}
