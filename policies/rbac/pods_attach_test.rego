package kubeward.rules.rbac.pods_attach_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.pods_attach

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": [""], "resources": ["pods/attach"], "verbs": ["create"]}

test_fires_in_role if {
	got := pods_attach.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] lets its holders attach to running containers (apiGroups [\"\"], resources [\"pods/attach\"], verbs [\"create\"]); remove create and get on pods/attach.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := pods_attach.deny with input as cluster_role([{"apiGroups": [""], "resources": ["pods/attach"], "verbs": ["create"]}, {"apiGroups": [""], "resources": ["pods/attach"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["*/attach"], "verbs": ["get"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1], ["rules", 2]}
}

test_passes if {
	count(pods_attach.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["pods/attach"], "verbs": ["list"]}])
	count(pods_attach.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": [""], "resources": ["pods/exec", "pods/attach"], "verbs": ["create"]}
	"RBAC-007" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-006"
	count(pods_attach.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := pods_attach.deny with input as role([{"apiGroups": [""], "resources": ["pods/attach", "pods/portforward"], "verbs": ["create"]}])
	got == {{
		"msg": "rules[0] lets its holders attach to running containers (apiGroups [\"\"], resources [\"pods/attach\", \"pods/portforward\"], verbs [\"create\"]), which also matches KW-RBAC-008; remove create and get on pods/attach.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(pods_attach.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(pods_attach.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(pods_attach.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(pods_attach.deny) == 0 with input as role("rules")
	count(pods_attach.deny) == 0 with input as role({"0": fire})
	count(pods_attach.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
