package kubeward.rules.rbac.create_persistent_volumes_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.create_persistent_volumes

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": [""], "resources": ["persistentvolumes"], "verbs": ["create"]}

test_fires_in_role if {
	got := create_persistent_volumes.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] lets its holders create PersistentVolumes (apiGroups [\"\"], resources [\"persistentvolumes\"], verbs [\"create\"]); remove create on persistentvolumes.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := create_persistent_volumes.deny with input as cluster_role([{"apiGroups": [""], "resources": ["persistentvolumes"], "verbs": ["create"]}, {"apiGroups": ["", "storage.k8s.io"], "resources": ["persistentvolumes", "storageclasses"], "verbs": ["get", "create"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1]}
}

test_passes if {
	count(create_persistent_volumes.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["persistentvolumeclaims"], "verbs": ["create"]}])
	count(create_persistent_volumes.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["persistentvolumes"], "verbs": ["get", "list"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": [""], "resources": ["pods", "persistentvolumes"], "verbs": ["create"]}
	"RBAC-018" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-012"
	count(create_persistent_volumes.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := create_persistent_volumes.deny with input as role([{"apiGroups": ["*"], "resources": ["persistentvolumes"], "verbs": ["create"]}])
	got == {{
		"msg": "rules[0] lets its holders create PersistentVolumes (apiGroups [\"*\"], resources [\"persistentvolumes\"], verbs [\"create\"]), which also matches KW-RBAC-004; remove create on persistentvolumes.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(create_persistent_volumes.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(create_persistent_volumes.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(create_persistent_volumes.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(create_persistent_volumes.deny) == 0 with input as role("rules")
	count(create_persistent_volumes.deny) == 0 with input as role({"0": fire})
	count(create_persistent_volumes.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
