package kubeward.rules.rbac.all_service_accounts_test

import data.kubeward.rules.rbac.all_service_accounts

binding(kind, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind": kind,
	"metadata": {"name": "b", "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "edit"},
	"subjects": subjects,
}

test_all_service_accounts if {
	got := all_service_accounts.deny with input as binding("ClusterRoleBinding", [
		{"kind": "ServiceAccount", "name": "web"},
		{"kind": "Group", "name": "system:serviceaccounts"},
		{"kind": "Group", "name": "system:serviceaccounts:shop"},
	])
	got == {
		{
			"msg": "subjects[1] is Group \"system:serviceaccounts\", which is every ServiceAccount of the cluster; bind the ServiceAccounts that need the role instead.",
			"path": ["subjects", 1],
		},
		{
			"msg": "subjects[2] is Group \"system:serviceaccounts:shop\", which is every ServiceAccount of namespace \"shop\"; bind the ServiceAccounts that need the role instead.",
			"path": ["subjects", 2],
		},
	}
}

test_role_binding if {
	got := all_service_accounts.deny with input as binding("RoleBinding", [{"kind": "Group", "name": "system:serviceaccounts:tools"}])
	{f.path | some f in got} == {["subjects", 0]}
}

test_other_subjects_pass if {
	count(all_service_accounts.deny) == 0 with input as binding("RoleBinding", [
		{"kind": "Group", "name": "system:serviceaccounts:"},
		{"kind": "User", "name": "system:serviceaccounts"},
		{"kind": "Group", "name": "system:serviceaccount"},
		{"kind": "ServiceAccount", "name": "system:serviceaccounts"},
	])
}

test_bootstrap_and_other_kinds_pass if {
	boot := object.union(binding("ClusterRoleBinding", [{"kind": "Group", "name": "system:serviceaccounts"}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(all_service_accounts.deny) == 0 with input as boot
	count(all_service_accounts.deny) == 0 with input as binding("Role", [{"kind": "Group", "name": "system:serviceaccounts"}])
}
