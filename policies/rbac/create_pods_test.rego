package kubeward.rules.rbac.create_pods_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.create_pods

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": [""], "resources": ["pods"], "verbs": ["create"]}

test_fires_in_role if {
	got := create_pods.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] lets its holders create pods (apiGroups [\"\"], resources [\"pods\"], verbs [\"create\"]); remove create on pods unless the subjects must start pods directly.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := create_pods.deny with input as cluster_role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["create"]}, {"apiGroups": ["*"], "resources": ["pods"], "verbs": ["create"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1]}
}

test_passes if {
	count(create_pods.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["update", "patch", "delete"]}])
	count(create_pods.deny) == 0 with input as role([{"apiGroups": ["apps"], "resources": ["pods"], "verbs": ["create"]}])
	count(create_pods.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["pods/log"], "verbs": ["create"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": [""], "resources": ["pods", "pods/exec"], "verbs": ["create"]}
	"RBAC-012" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-006"
	count(create_pods.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := create_pods.deny with input as role([{"apiGroups": ["", "apps"], "resources": ["pods", "deployments"], "verbs": ["create"]}])
	got == {{
		"msg": "rules[0] lets its holders create pods (apiGroups [\"\", \"apps\"], resources [\"pods\", \"deployments\"], verbs [\"create\"]), which also matches KW-RBAC-013; remove create on pods unless the subjects must start pods directly.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(create_pods.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(create_pods.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(create_pods.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(create_pods.deny) == 0 with input as role("rules")
	count(create_pods.deny) == 0 with input as role({"0": fire})
	count(create_pods.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
