package kubeward.rules.rbac.bind_verb_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.bind_verb

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["bind"]}

test_fires_in_role if {
	got := bind_verb.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] grants the bind verb on roles or clusterroles (apiGroups [\"rbac.authorization.k8s.io\"], resources [\"roles\"], verbs [\"bind\"]); remove bind.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := bind_verb.deny with input as cluster_role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["bind"]}, {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "resourceNames": ["view"], "verbs": ["bind"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1]}
}

test_passes if {
	count(bind_verb.deny) == 0 with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["bind"]}])
	count(bind_verb.deny) == 0 with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["list"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["bind", "escalate"]}
	"RBAC-010" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-009"
	count(bind_verb.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := bind_verb.deny with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["bind", "create"]}])
	got == {{
		"msg": "rules[0] grants the bind verb on roles or clusterroles (apiGroups [\"rbac.authorization.k8s.io\"], resources [\"roles\"], verbs [\"bind\", \"create\"]), which also matches KW-RBAC-019; remove bind.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(bind_verb.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(bind_verb.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(bind_verb.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(bind_verb.deny) == 0 with input as role("rules")
	count(bind_verb.deny) == 0 with input as role({"0": fire})
	count(bind_verb.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
