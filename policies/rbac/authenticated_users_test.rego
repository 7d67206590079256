package kubeward.rules.rbac.authenticated_users_test

import data.kubeward.rules.rbac.authenticated_users

binding(kind, role, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind": kind,
	"metadata": {"name": "b", "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role},
	"subjects": subjects,
}

test_authenticated_group if {
	got := authenticated_users.deny with input as binding("ClusterRoleBinding", "view", [
		{"kind": "Group", "name": "devs"},
		{"kind": "Group", "name": "system:authenticated"},
	])
	got == {{
		"msg": "subjects[1] is Group \"system:authenticated\", which is every user and ServiceAccount that authenticates; bind the role to the groups or ServiceAccounts that need it.",
		"path": ["subjects", 1],
	}}
}

test_role_binding if {
	got := authenticated_users.deny with input as binding("RoleBinding", "edit", [{"kind": "Group", "name": "system:authenticated"}])
	{f.path | some f in got} == {["subjects", 0]}
}

test_discovery_roles_pass if {
	every role in ["system:basic-user", "system:discovery", "system:public-info-viewer"] {
		count(authenticated_users.deny) == 0 with input as binding("ClusterRoleBinding", role, [{"kind": "Group", "name": "system:authenticated"}])
	}
}

test_other_subjects_pass if {
	count(authenticated_users.deny) == 0 with input as binding("ClusterRoleBinding", "view", [
		{"kind": "User", "name": "system:authenticated"},
		{"kind": "Group", "name": "system:serviceaccounts"},
	])
}

test_bootstrap_and_other_kinds_pass if {
	boot := object.union(binding("ClusterRoleBinding", "view", [{"kind": "Group", "name": "system:authenticated"}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(authenticated_users.deny) == 0 with input as boot
	count(authenticated_users.deny) == 0 with input as binding("Role", "view", [{"kind": "Group", "name": "system:authenticated"}])
}
