package kubeward.rules.rbac.anonymous_access_test

import data.kubeward.rules.rbac.anonymous_access

binding(kind, role, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind": kind,
	"metadata": {"name": "b", "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role},
	"subjects": subjects,
}

test_anonymous_user_and_unauthenticated_group if {
	got := anonymous_access.deny with input as binding("ClusterRoleBinding", "view", [
		{"kind": "User", "name": "jane"},
		{"kind": "User", "name": "system:anonymous"},
		{"kind": "Group", "name": "system:unauthenticated"},
	])
	got == {
		{
			"msg": "subjects[1] is User \"system:anonymous\", which is every unauthenticated request; remove it and bind the role to the identities that need it.",
			"path": ["subjects", 1],
		},
		{
			"msg": "subjects[2] is Group \"system:unauthenticated\", which is every unauthenticated request; remove it and bind the role to the identities that need it.",
			"path": ["subjects", 2],
		},
	}
}

test_role_binding if {
	got := anonymous_access.deny with input as binding("RoleBinding", "edit", [{"kind": "User", "name": "system:anonymous"}])
	{f.path | some f in got} == {["subjects", 0]}
}

test_public_info_viewer_passes if {
	count(anonymous_access.deny) == 0 with input as binding("ClusterRoleBinding", "system:public-info-viewer", [{"kind": "Group", "name": "system:unauthenticated"}])
}

test_other_subjects_pass if {
	count(anonymous_access.deny) == 0 with input as binding("ClusterRoleBinding", "view", [
		{"kind": "Group", "name": "system:anonymous"},
		{"kind": "User", "name": "system:unauthenticated"},
		{"kind": "Group", "name": "system:authenticated"},
	])
}

test_bootstrap_and_other_kinds_pass if {
	boot := object.union(binding("ClusterRoleBinding", "view", [{"kind": "User", "name": "system:anonymous"}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(anonymous_access.deny) == 0 with input as boot
	count(anonymous_access.deny) == 0 with input as binding("ClusterRole", "view", [{"kind": "User", "name": "system:anonymous"}])
}

test_wrong_types_pass if {
	count(anonymous_access.deny) == 0 with input as binding("RoleBinding", "view", "system:anonymous")
	count(anonymous_access.deny) == 0 with input as binding("RoleBinding", "view", [null, {"kind": "User"}])
}

test_missing_role_ref_still_fires if {
	got := anonymous_access.deny with input as {"kind": "RoleBinding", "subjects": [{"kind": "User", "name": "system:anonymous"}]}
	{f.path | some f in got} == {["subjects", 0]}
}
