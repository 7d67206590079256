package kubeward.rules.rbac.system_masters_test

import data.kubeward.rules.rbac.system_masters

binding(kind, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind": kind,
	"metadata": {"name": "b", "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "view"},
	"subjects": subjects,
}

test_system_masters if {
	got := system_masters.deny with input as binding("ClusterRoleBinding", [{"kind": "User", "name": "a"}, {"kind": "Group", "name": "system:masters"}])
	got == {{
		"msg": "subjects[1] is Group \"system:masters\", whose members bypass RBAC and cannot be revoked; remove it and bind an ordinary group instead.",
		"path": ["subjects", 1],
	}}
}

test_role_binding if {
	got := system_masters.deny with input as binding("RoleBinding", [{"kind": "Group", "name": "system:masters"}])
	{f.path | some f in got} == {["subjects", 0]}
}

test_other_subjects_pass if {
	count(system_masters.deny) == 0 with input as binding("ClusterRoleBinding", [{"kind": "User", "name": "system:masters"}, {"kind": "Group", "name": "masters"}])
}

test_bootstrap_and_other_kinds_pass if {
	boot := object.union(binding("ClusterRoleBinding", [{"kind": "Group", "name": "system:masters"}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(system_masters.deny) == 0 with input as boot
	count(system_masters.deny) == 0 with input as binding("ServiceAccount", [{"kind": "Group", "name": "system:masters"}])
}
