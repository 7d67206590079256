package kubeward.rules.rbac.role_ref_missing_test

import data.kubeward.rules.rbac.role_ref_missing

inv := {
	"namespaced": {"shop": {"Role": {"deployer": {"kind": "Role", "metadata": {"name": "deployer", "namespace": "shop"}}}}},
	"cluster": {"ClusterRole": {"reader": {"kind": "ClusterRole", "metadata": {"name": "reader"}}}},
}

binding(kind, ns, ref_kind, name) := {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind": kind,
	"metadata": {"name": "b", "namespace": ns},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": ref_kind, "name": name},
	"subjects": [{"kind": "ServiceAccount", "name": "ci"}],
}

complete(obj) := got if {
	got := role_ref_missing.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_missing_role if {
	complete(binding("RoleBinding", "shop", "Role", "builder")) == {{
		"msg": "roleRef names Role \"builder\", which is not in namespace \"shop\" of the run; add it, fix roleRef.name, or delete the binding.",
		"path": ["roleRef", "name"],
	}}
}

test_role_in_other_namespace_does_not_count if {
	got := complete(binding("RoleBinding", "other", "Role", "deployer"))
	{f.path | some f in got} == {["roleRef", "name"]}
}

test_missing_cluster_role if {
	complete(binding("ClusterRoleBinding", "", "ClusterRole", "monitoring")) == {{
		"msg": "roleRef names ClusterRole \"monitoring\", which is not in the run; add it, fix roleRef.name, or delete the binding.",
		"path": ["roleRef", "name"],
	}}
	count(complete(binding("RoleBinding", "shop", "ClusterRole", "monitoring"))) == 1
}

test_present_roles_pass if {
	count(complete(binding("RoleBinding", "shop", "Role", "deployer"))) == 0
	count(complete(binding("RoleBinding", "shop", "ClusterRole", "reader"))) == 0
	count(complete(binding("ClusterRoleBinding", "", "ClusterRole", "reader"))) == 0
}

test_builtin_cluster_roles_pass if {
	every name in ["cluster-admin", "admin", "edit", "view", "system:auth-delegator"] {
		count(complete(binding("ClusterRoleBinding", "", "ClusterRole", name))) == 0
	}
	count(complete(binding("RoleBinding", "shop", "ClusterRole", "view"))) == 0
}

test_builtin_names_do_not_exempt_roles if {
	count(complete(binding("RoleBinding", "shop", "Role", "view"))) == 1
}

test_silent_without_complete if {
	count(role_ref_missing.deny) == 0 with input as binding("RoleBinding", "shop", "Role", "builder") with data.kubeward.inventory as inv
}

test_invalid_bindings_pass if {
	count(complete(binding("ClusterRoleBinding", "", "Role", "builder"))) == 0
	count(complete(binding("RoleBinding", "shop", "Group", "builder"))) == 0
	count(complete(binding("RoleBinding", "shop", "Role", 7))) == 0
	count(complete({"kind": "RoleBinding"})) == 0
}

test_bootstrap_and_other_kinds_pass if {
	boot := object.union(binding("ClusterRoleBinding", "", "ClusterRole", "monitoring"), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(complete(boot)) == 0
	count(complete(binding("Role", "shop", "Role", "builder"))) == 0
}

test_bootstrap_roles_of_their_namespace_pass if {
	# metrics-server and other aggregated API servers bind this Role in kube-system
	count(complete(binding("RoleBinding", "kube-system", "Role", "extension-apiserver-authentication-reader"))) == 0
	count(complete(binding("RoleBinding", "kube-system", "Role", "system::leader-locking-kube-scheduler"))) == 0
	count(complete(binding("RoleBinding", "kube-public", "Role", "system:controller:bootstrap-signer"))) == 0
}

test_bootstrap_role_names_in_other_namespaces_fire if {
	complete(binding("RoleBinding", "shop", "Role", "extension-apiserver-authentication-reader")) == {{
		"msg": "roleRef names Role \"extension-apiserver-authentication-reader\", which is not in namespace \"shop\" of the run; add it, fix roleRef.name, or delete the binding.",
		"path": ["roleRef", "name"],
	}}
	count(complete(binding("RoleBinding", "kube-public", "Role", "system:controller:token-cleaner"))) == 1
}
