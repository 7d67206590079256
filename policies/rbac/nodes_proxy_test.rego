package kubeward.rules.rbac.nodes_proxy_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.nodes_proxy

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": ["get"]}

test_fires_in_role if {
	got := nodes_proxy.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] grants access to nodes/proxy (the kubelet API) (apiGroups [\"\"], resources [\"nodes/proxy\"], verbs [\"get\"]); remove nodes/proxy.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := nodes_proxy.deny with input as cluster_role([{"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": ["create"]}, {"apiGroups": [""], "resources": ["*/proxy"], "verbs": ["list"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1], ["rules", 2]}
}

test_passes if {
	count(nodes_proxy.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["nodes", "nodes/metrics"], "verbs": ["get"]}])
	count(nodes_proxy.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": []}])
	count(nodes_proxy.deny) == 0 with input as role([{"apiGroups": ["apps"], "resources": ["nodes/proxy"], "verbs": ["get"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": [""], "resources": ["nodes/proxy", "secrets"], "verbs": ["get"]}
	"RBAC-014" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-005"
	count(nodes_proxy.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := nodes_proxy.deny with input as role([{"apiGroups": [""], "resources": ["nodes/proxy", "pods/portforward"], "verbs": ["get"]}])
	got == {{
		"msg": "rules[0] grants access to nodes/proxy (the kubelet API) (apiGroups [\"\"], resources [\"nodes/proxy\", \"pods/portforward\"], verbs [\"get\"]), which also matches KW-RBAC-008; remove nodes/proxy.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(nodes_proxy.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(nodes_proxy.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(nodes_proxy.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(nodes_proxy.deny) == 0 with input as role("rules")
	count(nodes_proxy.deny) == 0 with input as role({"0": fire})
	count(nodes_proxy.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
