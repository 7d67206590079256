package kubeward.rules.rbac.wildcard_rule_test

import data.kubeward.rules.rbac.wildcard_rule

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}

test_fires_in_role if {
	got := wildcard_rule.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] grants every verb on every resource in every API group (apiGroups [\"*\"], resources [\"*\"], verbs [\"*\"]); list the API groups, resources and verbs the role needs.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := wildcard_rule.deny with input as cluster_role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}, {"apiGroups": ["", "*"], "resources": ["pods", "*"], "verbs": ["get", "*"]}, {"apiGroups": ["*"], "resources": ["*"], "resourceNames": ["x"], "verbs": ["*"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1], ["rules", 2]}
}

test_passes if {
	count(wildcard_rule.deny) == 0 with input as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["get"]}])
	count(wildcard_rule.deny) == 0 with input as role([{"apiGroups": ["apps"], "resources": ["*"], "verbs": ["*"]}])
	count(wildcard_rule.deny) == 0 with input as role([{"nonResourceURLs": ["*"], "verbs": ["*"]}])
	count(wildcard_rule.deny) == 0 with input as role([{"apiGroups": [], "resources": [], "verbs": []}])
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(wildcard_rule.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(wildcard_rule.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(wildcard_rule.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(wildcard_rule.deny) == 0 with input as role("rules")
	count(wildcard_rule.deny) == 0 with input as role({"0": fire})
	count(wildcard_rule.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
