package kubeward.rules.rbac.admission_configuration_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.admission_configuration

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": ["admissionregistration.k8s.io"], "resources": ["validatingwebhookconfigurations"], "verbs": ["patch"]}

test_fires_in_role if {
	got := admission_configuration.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] lets its holders change admission webhooks or policies (apiGroups [\"admissionregistration.k8s.io\"], resources [\"validatingwebhookconfigurations\"], verbs [\"patch\"]); grant only get, list and watch on admissionregistration.k8s.io resources.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := admission_configuration.deny with input as cluster_role([{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["validatingwebhookconfigurations"], "verbs": ["patch"]}, {"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingadmissionpolicybindings"], "verbs": ["delete"]}, {"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingwebhookconfigurations"], "verbs": ["deletecollection"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1], ["rules", 2]}
}

test_passes if {
	count(admission_configuration.deny) == 0 with input as role([{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], "verbs": ["get", "list", "watch"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": ["admissionregistration.k8s.io"], "resources": ["*"], "verbs": ["*"]}
	"RBAC-016" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-002"
	count(admission_configuration.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := admission_configuration.deny with input as role([{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["*"], "verbs": ["delete"]}])
	got == {{
		"msg": "rules[0] lets its holders change admission webhooks or policies (apiGroups [\"admissionregistration.k8s.io\"], resources [\"*\"], verbs [\"delete\"]), which also matches KW-RBAC-003; grant only get, list and watch on admissionregistration.k8s.io resources.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(admission_configuration.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(admission_configuration.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(admission_configuration.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(admission_configuration.deny) == 0 with input as role("rules")
	count(admission_configuration.deny) == 0 with input as role({"0": fire})
	count(admission_configuration.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
