package kubeward.rules.rbac.wildcard_api_groups_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.wildcard_api_groups

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": ["*"], "resources": ["deployments"], "verbs": ["get", "list"]}

test_fires_in_role if {
	got := wildcard_api_groups.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] sets apiGroups to \"*\" (apiGroups [\"*\"], resources [\"deployments\"], verbs [\"get\", \"list\"]); list the API groups the role needs.",
		"path": ["rules", 1, "apiGroups"],
	}}
}

test_fires_in_cluster_role if {
	got := wildcard_api_groups.deny with input as cluster_role([{"apiGroups": ["*"], "resources": ["deployments"], "verbs": ["get", "list"]}, {"apiGroups": ["*"], "resources": ["configmaps"], "verbs": ["watch"]}])
	{x.path | some x in got} == {["rules", 0, "apiGroups"], ["rules", 1, "apiGroups"]}
}

test_passes if {
	count(wildcard_api_groups.deny) == 0 with input as role([{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get", "list"]}])
	count(wildcard_api_groups.deny) == 0 with input as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": ["*"], "resources": ["deployments"], "verbs": ["create"]}
	"RBAC-004" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-013"
	count(wildcard_api_groups.deny) == 0 with input as role([rule])
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(wildcard_api_groups.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(wildcard_api_groups.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(wildcard_api_groups.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(wildcard_api_groups.deny) == 0 with input as role("rules")
	count(wildcard_api_groups.deny) == 0 with input as role({"0": fire})
	count(wildcard_api_groups.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
