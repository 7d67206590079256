package kubeward.rules.rbac.approve_csrs_test

import data.kubeward.lib.rbac
import data.kubeward.rules.rbac.approve_csrs

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "app", "namespace": "shop"}, "rules": rules}

cluster_role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "app"}, "rules": rules}

harmless := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}

fire := {"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests/approval"], "verbs": ["update"]}

test_fires_in_role if {
	got := approve_csrs.deny with input as role([harmless, fire])
	got == {{
		"msg": "rules[1] lets its holders approve certificate signing requests (apiGroups [\"certificates.k8s.io\"], resources [\"certificatesigningrequests/approval\"], verbs [\"update\"]); remove update and patch on certificatesigningrequests/approval and approve on signers.",
		"path": ["rules", 1],
	}}
}

test_fires_in_cluster_role if {
	got := approve_csrs.deny with input as cluster_role([{"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests/approval"], "verbs": ["update"]}, {"apiGroups": ["certificates.k8s.io"], "resources": ["signers"], "resourceNames": ["kubernetes.io/kube-apiserver-client"], "verbs": ["approve"]}])
	{x.path | some x in got} == {["rules", 0], ["rules", 1]}
}

test_passes if {
	count(approve_csrs.deny) == 0 with input as role([{"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests"], "verbs": ["create", "get"]}])
	count(approve_csrs.deny) == 0 with input as role([{"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests"], "verbs": ["approve"]}])
	count(approve_csrs.deny) == 0 with input as role([{"apiGroups": ["certificates.k8s.io"], "resources": ["signers"], "verbs": ["sign"]}])
}

test_more_severe_row_reports_the_rule if {
	rule := {"apiGroups": ["certificates.k8s.io"], "resources": ["*"], "verbs": ["*"]}
	"RBAC-015" in rbac.matching(rule)
	rbac.winner(rule) == "RBAC-002"
	count(approve_csrs.deny) == 0 with input as role([rule])
}

test_message_names_the_other_matching_rows if {
	got := approve_csrs.deny with input as role([{"apiGroups": ["certificates.k8s.io", ""], "resources": ["certificatesigningrequests/approval", "pods"], "verbs": ["update", "create"]}])
	got == {{
		"msg": "rules[0] lets its holders approve certificate signing requests (apiGroups [\"certificates.k8s.io\", \"\"], resources [\"certificatesigningrequests/approval\", \"pods\"], verbs [\"update\", \"create\"]), which also matches KW-RBAC-012; remove update and patch on certificatesigningrequests/approval and approve on signers.",
		"path": ["rules", 0],
	}}
}

test_aggregated_cluster_role_is_skipped if {
	agg := object.union(cluster_role([fire]), {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}})
	count(approve_csrs.deny) == 0 with input as agg
}

test_bootstrap_role_is_skipped if {
	boot := object.union(cluster_role([fire]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(approve_csrs.deny) == 0 with input as boot
}

test_other_kinds_pass if {
	count(approve_csrs.deny) == 0 with input as object.union(role([fire]), {"kind": "RoleBinding"})
}

test_wrong_types_pass if {
	count(approve_csrs.deny) == 0 with input as role("rules")
	count(approve_csrs.deny) == 0 with input as role({"0": fire})
	count(approve_csrs.deny) == 0 with input as role(["rule", null, {"apiGroups": "*", "resources": "*", "verbs": "*"}])
}
