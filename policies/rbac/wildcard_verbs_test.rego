package kubeward.rules.rbac.wildcard_verbs_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.wildcard_verbs

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["*"]}

test_fires_in_role if {
	got := wildcard_verbs.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] sets verbs to \"*\" (apiGroups [\"\"], resources [\"configmaps\"], verbs [\"*\"]); list the verbs the role needs.",
		"path": ["rules", 1, "verbs"],
	}}
}

test_fires_in_cluster_role if {
	got := wildcard_verbs.deny with input as cluster_role([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["*"]}, {"nonResourceURLs": ["/metrics"], "verbs": ["*"]}, {"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get", "*"]}])
	{x.path | some x in got} == {["rules", 0, "verbs"], ["rules", 1, "verbs"], ["rules", 2, "verbs"]}
}

test_passes if {
	count(wildcard_verbs.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "update"]}])
	count(wildcard_verbs.deny) == 0 with input as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["*"]}
	"RBAC-002" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-009"
	count(wildcard_verbs.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := wildcard_verbs.deny with input as role([{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["*"]}])
	got == {{
		"msg": "rules[0] sets verbs to \"*\" (apiGroups [\"apps\"], resources [\"deployments\"], verbs [\"*\"]), which also matches KW-RBAC-013; list the verbs the role needs.",
		"path": ["rules", 0, "verbs"],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(wildcard_verbs.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(wildcard_verbs.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(wildcard_verbs.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(wildcard_verbs.deny) == 0 with input as role("rules")
	count(wildcard_verbs.deny) == 0 with input as role({"0": fire})
	count(wildcard_verbs.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
