package kubeward.rules.rbac.unsafe_aggregation_test

import data.kubeward.rules.rbac.unsafe_aggregation

cr(labels, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "ext", "labels": labels}, "rules": rules}

view := {"rbac.authorization.k8s.io/aggregate-to-view": "true"}

edit := {"rbac.authorization.k8s.io/aggregate-to-edit": "true"}

admin := {"rbac.authorization.k8s.io/aggregate-to-admin": "true"}

read := {"apiGroups": ["example.com"], "resources": ["widgets"], "verbs": ["get", "list", "watch"]}

test_view_with_write_verb if {
	got := unsafe_aggregation.deny with input as cr(view, [read, {"apiGroups": ["example.com"], "resources": ["widgets"], "verbs": ["get", "create"]}])
	got == {{
		"msg": "label rbac.authorization.k8s.io/aggregate-to-view=\"true\" adds rules[1] to the built-in view role, but view must grant only get, list and watch and no access to secrets; remove the label or move those rules to a ClusterRole bound explicitly.",
		"path": ["metadata", "labels"],
	}}
}

test_view_with_secrets_or_wildcard if {
	got := unsafe_aggregation.deny with input as cr(view, [
		{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]},
		read,
		{"apiGroups": ["*"], "resources": ["*"], "verbs": ["list"]},
		{"apiGroups": ["example.com"], "resources": ["widgets"], "verbs": ["*"]},
	])
	[f.msg | some f in got] == ["label rbac.authorization.k8s.io/aggregate-to-view=\"true\" adds rules[0], rules[2], rules[3] to the built-in view role, but view must grant only get, list and watch and no access to secrets; remove the label or move those rules to a ClusterRole bound explicitly."]
}

test_edit_and_admin if {
	got := unsafe_aggregation.deny with input as cr(object.union(edit, admin), [
		read,
		{"apiGroups": ["example.com"], "resources": ["widgets"], "verbs": ["*"]},
		{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["bind"]},
	])
	got == {
		{
			"msg": "label rbac.authorization.k8s.io/aggregate-to-edit=\"true\" adds rules[1], rules[2] to the built-in edit role, but edit must not gain KW-RBAC-002, KW-RBAC-010; remove the label or move those rules to a ClusterRole bound explicitly.",
			"path": ["metadata", "labels"],
		},
		{
			"msg": "label rbac.authorization.k8s.io/aggregate-to-admin=\"true\" adds rules[1], rules[2] to the built-in admin role, but admin must not gain KW-RBAC-002, KW-RBAC-010; remove the label or move those rules to a ClusterRole bound explicitly.",
			"path": ["metadata", "labels"],
		},
	}
}

test_edit_full_wildcard_and_impersonate if {
	got := unsafe_aggregation.deny with input as cr(edit, [
		{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]},
		{"apiGroups": [""], "resources": ["users"], "verbs": ["impersonate"]},
		{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["escalate"]},
	])
	[f.msg | some f in got] == ["label rbac.authorization.k8s.io/aggregate-to-edit=\"true\" adds rules[0], rules[1], rules[2] to the built-in edit role, but edit must not gain KW-RBAC-001, KW-RBAC-009, KW-RBAC-011; remove the label or move those rules to a ClusterRole bound explicitly."]
}

test_edit_may_write_and_read_secrets if {
	count(unsafe_aggregation.deny) == 0 with input as cr(edit, [
		{"apiGroups": ["example.com"], "resources": ["widgets"], "verbs": ["create", "update", "delete"]},
		{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]},
	])
}

test_read_only_view_passes if {
	count(unsafe_aggregation.deny) == 0 with input as cr(view, [read, {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}])
}

test_no_label_passes if {
	count(unsafe_aggregation.deny) == 0 with input as cr({}, [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	count(unsafe_aggregation.deny) == 0 with input as cr({"rbac.authorization.k8s.io/aggregate-to-view": "false"}, [{"verbs": ["create"]}])
	count(unsafe_aggregation.deny) == 0 with input as cr({"rbac.authorization.k8s.io/aggregate-to-view": true}, [{"verbs": ["create"]}])
}

test_bootstrap_and_other_kinds_pass if {
	boot := object.union(cr(view, [{"verbs": ["create"]}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(unsafe_aggregation.deny) == 0 with input as boot
	count(unsafe_aggregation.deny) == 0 with input as object.union(cr(view, [{"verbs": ["create"]}]), {"kind": "Role"})
}

test_wrong_types_pass if {
	count(unsafe_aggregation.deny) == 0 with input as cr(view, "rules")
	count(unsafe_aggregation.deny) == 0 with input as cr(view, [null, "x", {"verbs": "create"}])
	count(unsafe_aggregation.deny) == 0 with input as {"kind": "ClusterRole", "metadata": {"labels": "x"}}
}
