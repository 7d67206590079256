package kubeward.rules.rbac.escalate_verb_test

import data.kubeward.rules.rbac.escalate_verb

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["escalate"]}

test_fires_in_role if {
	got := escalate_verb.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] grants the escalate verb on roles or clusterroles (apiGroups [\"rbac.authorization.k8s.io\"], resources [\"clusterroles\"], verbs [\"escalate\"]); remove escalate.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := escalate_verb.deny with input as cluster_role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["escalate"]}, {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["escalate"]}, {"apiGroups": ["*"], "resources": ["roles"], "verbs": ["escalate"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1], ["rules", 2]}
}

test_passes if {
	count(escalate_verb.deny) == 0 with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["escalate"]}])
	count(escalate_verb.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["roles"], "verbs": ["escalate"]}])
	count(escalate_verb.deny) == 0 with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["get"]}])
}

test_message_names_the_other_matching_rows if {
	got := escalate_verb.deny with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["escalate", "bind", "create"]}])
	got == {{
		"msg": "rules[0] grants the escalate verb on roles or clusterroles (apiGroups [\"rbac.authorization.k8s.io\"], resources [\"roles\"], verbs [\"escalate\", \"bind\", \"create\"]), which also matches KW-RBAC-010, KW-RBAC-019; remove escalate.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(escalate_verb.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(escalate_verb.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(escalate_verb.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(escalate_verb.deny) == 0 with input as role("rules")
	count(escalate_verb.deny) == 0 with input as role({"0": fire})
	count(escalate_verb.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
