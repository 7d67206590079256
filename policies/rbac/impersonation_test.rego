package kubeward.rules.rbac.impersonation_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.impersonation

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": [""], "resources": ["users"], "verbs": ["impersonate"]}

test_fires_in_role if {
	got := impersonation.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] grants the impersonate verb on identities (apiGroups [\"\"], resources [\"users\"], verbs [\"impersonate\"]); remove impersonate.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := impersonation.deny with input as cluster_role([{"apiGroups": [""], "resources": ["users"], "verbs": ["impersonate"]}, {"apiGroups": [""], "resources": ["groups", "serviceaccounts"], "verbs": ["impersonate"]}, {"apiGroups": ["authentication.k8s.io"], "resources": ["uids"], "verbs": ["impersonate"]}, {"apiGroups": ["authentication.k8s.io"], "resources": ["userextras/scopes"], "verbs": ["impersonate"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1], ["rules", 2], ["rules", 3]}
}

test_passes if {
	count(impersonation.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["uids"], "verbs": ["impersonate"]}])
	count(impersonation.deny) == 0 with input as role([{"apiGroups": ["authentication.k8s.io"], "resources": ["users"], "verbs": ["impersonate"]}])
	count(impersonation.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["users"], "verbs": ["get"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": ["", "rbac.authorization.k8s.io"], "resources": ["users", "roles"], "verbs": ["impersonate", "escalate"]}
	"RBAC-011" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-009"
	count(impersonation.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := impersonation.deny with input as role([{"apiGroups": [""], "resources": ["users", "secrets"], "verbs": ["impersonate", "get"]}])
	got == {{
		"msg": "rules[0] grants the impersonate verb on identities (apiGroups [\"\"], resources [\"users\", \"secrets\"], verbs [\"impersonate\", \"get\"]), which also matches KW-RBAC-005; remove impersonate.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(impersonation.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(impersonation.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(impersonation.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(impersonation.deny) == 0 with input as role("rules")
	count(impersonation.deny) == 0 with input as role({"0": fire})
	count(impersonation.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
