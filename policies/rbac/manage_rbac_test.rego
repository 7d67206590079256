package kubeward.rules.rbac.manage_rbac_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.manage_rbac

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["create"]}

test_fires_in_role if {
	got := manage_rbac.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] lets its holders create or change RBAC roles and bindings (apiGroups [\"rbac.authorization.k8s.io\"], resources [\"rolebindings\"], verbs [\"create\"]); remove create, update and patch on RBAC objects unless the subjects administer access.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := manage_rbac.deny with input as cluster_role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["create"]}, {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["patch"]}, {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "clusterrolebindings"], "verbs": ["update"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1], ["rules", 2]}
}

test_passes if {
	count(manage_rbac.deny) == 0 with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["get", "list", "delete"]}])
	count(manage_rbac.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["rolebindings"], "verbs": ["create"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["create", "bind"]}
	"RBAC-019" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-010"
	count(manage_rbac.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := manage_rbac.deny with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["*"], "verbs": ["create"]}])
	got == {{
		"msg": "rules[0] lets its holders create or change RBAC roles and bindings (apiGroups [\"rbac.authorization.k8s.io\"], resources [\"*\"], verbs [\"create\"]), which also matches KW-RBAC-003; remove create, update and patch on RBAC objects unless the subjects administer access.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(manage_rbac.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(manage_rbac.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(manage_rbac.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(manage_rbac.deny) == 0 with input as role("rules")
	count(manage_rbac.deny) == 0 with input as role({"0": fire})
	count(manage_rbac.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
