package kubeward.rules.rbac.manage_workloads_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.manage_workloads

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["patch"]}

test_fires_in_role if {
	got := manage_workloads.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] lets its holders create or change workload controllers (apiGroups [\"apps\"], resources [\"deployments\"], verbs [\"patch\"]); remove create, update and patch on workloads unless the subjects deploy them.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := manage_workloads.deny with input as cluster_role([{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["patch"]}, {"apiGroups": ["batch"], "resources": ["jobs"], "verbs": ["create"]}, {"apiGroups": [""], "resources": ["replicationcontrollers"], "verbs": ["update"]}, {"apiGroups": ["apps"], "resources": ["statefulsets", "daemonsets", "replicasets"], "verbs": ["update"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1], ["rules", 2], ["rules", 3]}
}

test_passes if {
	count(manage_workloads.deny) == 0 with input as role([{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get", "list", "delete"]}])
	count(manage_workloads.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["deployments"], "verbs": ["create"]}])
	count(manage_workloads.deny) == 0 with input as role([{"apiGroups": ["batch"], "resources": ["deployments"], "verbs": ["create"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": ["", "apps"], "resources": ["pods", "deployments"], "verbs": ["create"]}
	"RBAC-013" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-012"
	count(manage_workloads.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := manage_workloads.deny with input as role([{"apiGroups": [""], "resources": ["replicationcontrollers", "persistentvolumes"], "verbs": ["create"]}])
	got == {{
		"msg": "rules[0] lets its holders create or change workload controllers (apiGroups [\"\"], resources [\"replicationcontrollers\", \"persistentvolumes\"], verbs [\"create\"]), which also matches KW-RBAC-018; remove create, update and patch on workloads unless the subjects deploy them.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(manage_workloads.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(manage_workloads.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(manage_workloads.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(manage_workloads.deny) == 0 with input as role("rules")
	count(manage_workloads.deny) == 0 with input as role({"0": fire})
	count(manage_workloads.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
