package kubeward.rules.rbac.dangerous_binding_test

import data.kubeward.rules.rbac.dangerous_binding

cr(name, labels, agg, rules) := {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind": "ClusterRole",
	"metadata": {"name": name, "labels": labels},
	"aggregationRule": agg,
	"rules": rules,
}

role(name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": name, "namespace": "shop"}, "rules": rules}

binding(kind, ref_kind, ref_name, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind": kind,
	"metadata": {"name": "b", "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": ref_kind, "name": ref_name},
	"subjects": subjects,
}

sa := [{"kind": "ServiceAccount", "name": "builder"}]

secrets_get := {"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]}

pods_get := {"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]}

exec := {"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]}

to_monitoring := {"clusterRoleSelectors": [{"matchLabels": {"example.com/aggregate-to-monitoring": "true"}}]}

label := {"example.com/aggregate-to-monitoring": "true"}

inv := {
	"cluster": {"ClusterRole": {
		"monitoring": cr("monitoring", {}, to_monitoring, []),
		"pod-reader": cr("pod-reader", label, null, [pods_get]),
		"secret-reader": cr("secret-reader", label, null, [secrets_get]),
		"unrelated": cr("unrelated", {}, null, [exec]),
		"cluster-admin": cr("cluster-admin", {}, null, [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]),
		"wild": cr("wild", {}, null, [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]),
		"exec-only": cr("exec-only", {}, null, [exec, pods_get]),
	}},
	"namespaced": {"shop": {"Role": {
		"ops": role("ops", [pods_get, exec, secrets_get, {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["bind", "escalate"]}]),
		"named-secret": role("named-secret", [object.union(secrets_get, {"resourceNames": ["db"]})]),
		"reader": role("reader", [pods_get]),
		"cluster-admin": role("cluster-admin", [exec]),
	}}},
}

lint(obj) := got if {
	got := dangerous_binding.deny with input as obj with data.kubeward.inventory as inv
}

test_service_account_gains_secrets_read_through_aggregated_cluster_role if {
	lint(binding("RoleBinding", "ClusterRole", "monitoring", sa)) == {{
		"msg": "roleRef ClusterRole \"monitoring\" gives ServiceAccount \"shop/builder\" dangerous rights: KW-RBAC-005 (reads Secrets, from ClusterRole \"secret-reader\"); bind a role without these rights, or remove the subjects that do not need them.",
		"path": ["roleRef", "name"],
	}}
}

test_aggregation_is_transitive_and_own_rules_count if {
	# admin-like role aggregates "mid", which aggregates the secret reader;
	# its own (controller-copied) rules also hold the secrets rule and exec.
	chain := {"cluster": {"ClusterRole": {
		"top": cr("top", {}, {"clusterRoleSelectors": [{"matchLabels": {"to-top": "true"}}]}, [secrets_get, exec]),
		"mid": cr("mid", {"to-top": "true"}, {"clusterRoleSelectors": [{"matchLabels": {"to-mid": "true"}}]}, []),
		"leaf": cr("leaf", {"to-mid": "true"}, null, [secrets_get]),
	}}}
	got := dangerous_binding.deny with input as binding("ClusterRoleBinding", "ClusterRole", "top", [{"kind": "ServiceAccount", "name": "ci", "namespace": "tools"}])
		with data.kubeward.inventory as chain
	[f.msg | some f in got] == ["roleRef ClusterRole \"top\" gives ServiceAccount \"tools/ci\" dangerous rights: KW-RBAC-005 (reads Secrets, from ClusterRole \"leaf\"), KW-RBAC-006 (exec into pods); bind a role without these rights, or remove the subjects that do not need them."]
}

test_aggregation_cycle_terminates if {
	loop := {"cluster": {"ClusterRole": {
		"a": cr("a", {"loop": "a"}, {"clusterRoleSelectors": [{"matchLabels": {"loop": "b"}}]}, []),
		"b": cr("b", {"loop": "b"}, {"clusterRoleSelectors": [{"matchLabels": {"loop": "a"}}]}, [exec]),
	}}}
	got := dangerous_binding.deny with input as binding("ClusterRoleBinding", "ClusterRole", "a", sa) with data.kubeward.inventory as loop
	[f.msg | some f in got] == ["roleRef ClusterRole \"a\" gives ServiceAccount \"shop/builder\" dangerous rights: KW-RBAC-006 (exec into pods, from ClusterRole \"b\"); bind a role without these rights, or remove the subjects that do not need them."]
}

test_role_with_several_rights_and_subjects if {
	got := lint(binding("RoleBinding", "Role", "ops", [
		{"kind": "User", "name": "jane"},
		{"kind": "ServiceAccount", "name": "ci", "namespace": "tools"},
		{"kind": "Group", "name": "ops"},
	]))
	got == {{
		"msg": "roleRef Role \"ops\" gives User \"jane\", ServiceAccount \"tools/ci\", Group \"ops\" dangerous rights: KW-RBAC-005 (reads Secrets), KW-RBAC-006 (exec into pods), KW-RBAC-009 (escalate), KW-RBAC-010 (bind); bind a role without these rights, or remove the subjects that do not need them.",
		"path": ["roleRef", "name"],
	}}
}

test_full_wildcard_is_one_right if {
	got := lint(binding("ClusterRoleBinding", "ClusterRole", "wild", sa))
	[f.msg | some f in got] == ["roleRef ClusterRole \"wild\" gives ServiceAccount \"shop/builder\" dangerous rights: KW-RBAC-001 (every verb on every resource); bind a role without these rights, or remove the subjects that do not need them."]
}

test_cluster_role_in_role_binding if {
	got := lint(binding("RoleBinding", "ClusterRole", "exec-only", sa))
	{f.path | some f in got} == {["roleRef", "name"]}
}

test_role_named_cluster_admin_is_not_cluster_admin if {
	count(lint(binding("RoleBinding", "Role", "cluster-admin", sa))) == 1
}

test_harmless_role_passes if {
	count(lint(binding("RoleBinding", "Role", "reader", sa))) == 0
	count(lint(binding("RoleBinding", "ClusterRole", "pod-reader", sa))) == 0
}

test_named_secrets_pass if {
	count(lint(binding("RoleBinding", "Role", "named-secret", sa))) == 0
}

test_role_not_in_inventory_passes if {
	count(lint(binding("RoleBinding", "Role", "missing", sa))) == 0
	count(lint(binding("ClusterRoleBinding", "ClusterRole", "missing", sa))) == 0
	count(lint(binding("ClusterRoleBinding", "Role", "ops", sa))) == 0
	count(dangerous_binding.deny) == 0 with input as binding("RoleBinding", "Role", "ops", sa)
}

test_role_in_other_namespace_passes if {
	count(lint(object.union(binding("RoleBinding", "Role", "ops", sa), {"metadata": {"namespace": "other"}}))) == 0
}

test_cluster_admin_passes if {
	count(lint(binding("ClusterRoleBinding", "ClusterRole", "cluster-admin", sa))) == 0
	count(lint(binding("RoleBinding", "ClusterRole", "cluster-admin", sa))) == 0
}

test_bootstrap_binding_passes if {
	boot := object.union(binding("RoleBinding", "Role", "ops", sa), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(lint(boot)) == 0
}

test_no_subjects_passes if {
	count(lint(binding("RoleBinding", "Role", "ops", []))) == 0
	count(lint(binding("RoleBinding", "Role", "ops", null))) == 0
	count(lint(binding("RoleBinding", "Role", "ops", [{"kind": "User"}]))) == 0
}

test_other_kinds_pass if {
	count(lint(binding("Role", "Role", "ops", sa))) == 0
}
