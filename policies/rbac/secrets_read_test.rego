package kubeward.rules.rbac.secrets_read_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.secrets_read

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]}

test_fires_in_role if {
	got := secrets_read.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] lets its holders read Secrets (apiGroups [\"\"], resources [\"secrets\"], verbs [\"get\", \"list\"]); limit it to named Secrets with resourceNames, or remove get, list and watch on secrets.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := secrets_read.deny with input as cluster_role([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]}, {"apiGroups": [""], "resources": ["secrets"], "verbs": ["watch"]}, {"apiGroups": ["*"], "resources": ["secrets"], "verbs": ["list"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1], ["rules", 2]}
}

test_passes if {
	count(secrets_read.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["db-password"], "verbs": ["get"]}])
	count(secrets_read.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["create", "update"]}])
	count(secrets_read.deny) == 0 with input as role([{"apiGroups": ["apps"], "resources": ["secrets"], "verbs": ["get"]}])
	count(secrets_read.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": [""], "resources": ["secrets"], "verbs": ["*"]}
	"RBAC-005" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-002"
	count(secrets_read.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := secrets_read.deny with input as role([{"apiGroups": [""], "resources": ["*"], "verbs": ["get"]}])
	got == {{
		"msg": "rules[0] lets its holders read Secrets (apiGroups [\"\"], resources [\"*\"], verbs [\"get\"]), which also matches KW-RBAC-003, KW-RBAC-006, KW-RBAC-007, KW-RBAC-008, KW-RBAC-014; limit it to named Secrets with resourceNames, or remove get, list and watch on secrets.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(secrets_read.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(secrets_read.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(secrets_read.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(secrets_read.deny) == 0 with input as role("rules")
	count(secrets_read.deny) == 0 with input as role({"0": fire})
	count(secrets_read.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
