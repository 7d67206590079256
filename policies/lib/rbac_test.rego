package kubeward.lib.rbac_test

import data.kubeward.lib.rbac

# --- grants -------------------------------------------------------------------

test_grants_exact if {
	rule := {"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}
	rbac.grants(rule, {"get", "list"}, {"secrets"}, "")
	not rbac.grants(rule, {"list"}, {"secrets"}, "")
	not rbac.grants(rule, {"get"}, {"configmaps"}, "")
	not rbac.grants(rule, {"get"}, {"secrets"}, "apps")
}

test_grants_wildcards if {
	rbac.grants({"apiGroups": ["*"], "resources": ["secrets"], "verbs": ["get"]}, {"get"}, {"secrets"}, "")
	rbac.grants({"apiGroups": [""], "resources": ["*"], "verbs": ["get"]}, {"get"}, {"secrets"}, "")
	rbac.grants({"apiGroups": [""], "resources": ["*"], "verbs": ["get"]}, {"get"}, {"pods/exec"}, "")
	rbac.grants({"apiGroups": [""], "resources": ["secrets"], "verbs": ["*"]}, {"get"}, {"secrets"}, "")
}

test_grants_any_verb if {
	rbac.grants({"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": ["get"]}, {"*"}, {"nodes/proxy"}, "")
	not rbac.grants({"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": []}, {"*"}, {"nodes/proxy"}, "")
}

test_grants_subresources if {
	rule := {"apiGroups": [""], "resources": ["*/exec"], "verbs": ["create"]}
	rbac.grants(rule, {"create"}, {"pods/exec"}, "")
	not rbac.grants(rule, {"create"}, {"pods"}, "")
	not rbac.grants(rule, {"create"}, {"pods/attach"}, "")

	# "pods" does not grant its subresources, nor "pods/exec" the resource.
	not rbac.grants({"apiGroups": [""], "resources": ["pods"], "verbs": ["create"]}, {"create"}, {"pods/exec"}, "")
	not rbac.grants({"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]}, {"create"}, {"pods"}, "")
}

test_grants_userextras if {
	g := "authentication.k8s.io"
	rbac.grants({"apiGroups": [g], "resources": ["userextras/scopes"], "verbs": ["impersonate"]}, {"impersonate"}, {"userextras/*"}, g)
	rbac.grants({"apiGroups": [g], "resources": ["*/scopes"], "verbs": ["impersonate"]}, {"impersonate"}, {"userextras/*"}, g)
	rbac.grants({"apiGroups": [g], "resources": ["*"], "verbs": ["impersonate"]}, {"impersonate"}, {"userextras/*"}, g)
	not rbac.grants({"apiGroups": [g], "resources": ["userextras/"], "verbs": ["impersonate"]}, {"impersonate"}, {"userextras/*"}, g)
	not rbac.grants({"apiGroups": [g], "resources": ["userextras"], "verbs": ["impersonate"]}, {"impersonate"}, {"userextras/*"}, g)
	not rbac.grants({"apiGroups": [g], "resources": ["uids"], "verbs": ["impersonate"]}, {"impersonate"}, {"userextras/*"}, g)
}

test_grants_wrong_types if {
	not rbac.grants({"apiGroups": "*", "resources": "*", "verbs": "*"}, {"get"}, {"secrets"}, "")
	not rbac.grants({"apiGroups": [1], "resources": [null], "verbs": [true]}, {"get"}, {"secrets"}, "")
	not rbac.grants("rule", {"get"}, {"secrets"}, "")
	not rbac.grants({}, {"*"}, {"secrets"}, "")
}

test_grants_url if {
	rbac.grants_url({"nonResourceURLs": ["/healthz"], "verbs": ["get"]}, {"get"}, "/healthz")
	not rbac.grants_url({"nonResourceURLs": ["/healthz"], "verbs": ["get"]}, {"get"}, "/healthz/ready")
	rbac.grants_url({"nonResourceURLs": ["/healthz*"], "verbs": ["get"]}, {"get"}, "/healthz/ready")
	rbac.grants_url({"nonResourceURLs": ["*"], "verbs": ["*"]}, {"post"}, "/metrics")
	not rbac.grants_url({"nonResourceURLs": ["/metrics"], "verbs": ["get"]}, {"post"}, "/metrics")
	not rbac.grants_url({"nonResourceURLs": "/metrics", "verbs": ["get"]}, {"get"}, "/metrics")
}

test_has_resource_names if {
	rbac.has_resource_names({"resourceNames": ["db"]})
	not rbac.has_resource_names({"resourceNames": []})
	not rbac.has_resource_names({"resourceNames": "db"})
	not rbac.has_resource_names({})
}

test_bootstrap if {
	rbac.bootstrap({"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	not rbac.bootstrap({"metadata": {"labels": {"kubernetes.io/bootstrapping": "other"}}})
	not rbac.bootstrap({"metadata": {}})
}

test_describe if {
	rbac.describe({"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["db"], "verbs": ["get"]}) == `apiGroups [""], resources ["secrets"], resourceNames ["db"], verbs ["get"]`
	rbac.describe({"nonResourceURLs": ["*"], "verbs": "*"}) == `nonResourceURLs ["*"], verbs "*"`
	rbac.describe({}) == ""
	rbac.describe({"verbs": ["get", "list", 1]}) == `verbs ["get", "list", 1]`
}

# --- rows and ranking -----------------------------------------------------------

test_full_wildcard_matches_only_rbac_001 if {
	rule := {"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}
	rbac.matching(rule) == {"RBAC-001"}
	rbac.also("RBAC-001", rule) == ""
	rbac.row("RBAC-001", rule)
	rbac.row("RBAC-011", rule)
	not rbac.row("RBAC-002", rule)
	not rbac.row("RBAC-003", rule)
	not rbac.row("RBAC-004", rule)
	rbac.winner(rule) == "RBAC-001"
	rbac.reports("RBAC-001", rule)
	not rbac.reports("RBAC-011", rule)
}

test_every_grant_row if {
	rbac.matching({"apiGroups": ["*"], "resources": ["deployments"], "verbs": ["get"]}) == {"RBAC-004"}
	rbac.matching({"apiGroups": ["apps"], "resources": ["*"], "verbs": ["get"]}) == {"RBAC-003"}
	rbac.matching({"apiGroups": [""], "resources": ["configmaps"], "verbs": ["*"]}) == {"RBAC-002"}
	rbac.matching({"apiGroups": [""], "resources": ["secrets"], "verbs": ["watch"]}) == {"RBAC-005"}
	rbac.matching({"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["get"]}) == {"RBAC-006"}
	rbac.matching({"apiGroups": [""], "resources": ["pods/attach"], "verbs": ["create"]}) == {"RBAC-007"}
	rbac.matching({"apiGroups": [""], "resources": ["pods/portforward"], "verbs": ["create"]}) == {"RBAC-008"}
	rbac.matching({"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["escalate"]}) == {"RBAC-009"}
	rbac.matching({"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["bind"]}) == {"RBAC-010"}
	rbac.matching({"apiGroups": [""], "resources": ["serviceaccounts"], "verbs": ["impersonate"]}) == {"RBAC-011"}
	rbac.matching({"apiGroups": ["authentication.k8s.io"], "resources": ["uids"], "verbs": ["impersonate"]}) == {"RBAC-011"}
	rbac.matching({"apiGroups": [""], "resources": ["pods"], "verbs": ["create"]}) == {"RBAC-012"}
	rbac.matching({"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["patch"]}) == {"RBAC-013"}
	rbac.matching({"apiGroups": ["batch"], "resources": ["cronjobs"], "verbs": ["create"]}) == {"RBAC-013"}
	rbac.matching({"apiGroups": [""], "resources": ["replicationcontrollers"], "verbs": ["update"]}) == {"RBAC-013"}
	rbac.matching({"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": ["get"]}) == {"RBAC-014"}
	rbac.matching({"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests/approval"], "verbs": ["update"]}) == {"RBAC-015"}
	rbac.matching({"apiGroups": ["certificates.k8s.io"], "resources": ["signers"], "verbs": ["approve"]}) == {"RBAC-015"}
	rbac.matching({"apiGroups": ["admissionregistration.k8s.io"], "resources": ["validatingadmissionpolicies"], "verbs": ["delete"]}) == {"RBAC-016"}
	rbac.matching({"apiGroups": [""], "resources": ["serviceaccounts/token"], "verbs": ["create"]}) == {"RBAC-017"}
	rbac.matching({"apiGroups": [""], "resources": ["persistentvolumes"], "verbs": ["create"]}) == {"RBAC-018"}
	rbac.matching({"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["create"]}) == {"RBAC-019"}
}

test_harmless_rules_match_nothing if {
	rbac.matching({"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}) == set()
	rbac.matching({"apiGroups": ["admissionregistration.k8s.io"], "resources": ["validatingwebhookconfigurations"], "verbs": ["get", "list", "watch"]}) == set()
	rbac.matching({"apiGroups": ["apps"], "resources": ["*/scale"], "verbs": ["get"]}) == set()
	not rbac.winner({"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]})
}

# _rows_by_resource is a literal for speed: it must name exactly the
# resources of _grant_rows, each with the rows that grant on it.
test_rows_by_resource_agrees_with_the_grant_rows if {
	derived := {r: {id |
		some id, gs in rbac._grant_rows
		some g in gs
		r in g.resources
	} |
		some gs in rbac._grant_rows
		some g in gs
		some r in g.resources
	}
	rbac._rows_by_resource == derived
}

# The candidate rows are a superset of what matches, found from the resources.
test_candidates if {
	rbac._candidates(rbac.normalized({"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]})) == set()
	rbac._candidates(rbac.normalized({"apiGroups": ["*"], "resources": ["configmaps"], "verbs": ["*"]})) == {"RBAC-002", "RBAC-004"}
	rbac._candidates(rbac.normalized({"apiGroups": [""], "resources": ["roles", "secrets"], "verbs": ["get"]})) == {"RBAC-005", "RBAC-009", "RBAC-010", "RBAC-019"}
	rbac._candidates(rbac.normalized({"apiGroups": [""], "resources": ["userextras/scopes"], "verbs": ["get"]})) == {"RBAC-011"}
	count(rbac._candidates(rbac.normalized({"apiGroups": [""], "resources": ["*/exec"], "verbs": ["get"]}))) == 19
	count(rbac._candidates(rbac.normalized({"apiGroups": [""], "resources": ["*"], "verbs": ["get"]}))) == 19
}

test_subresource_and_userextras_wildcards_match if {
	rbac.matching({"apiGroups": [""], "resources": ["*/exec"], "verbs": ["create"]}) == {"RBAC-006"}
	rbac.matching({"apiGroups": [""], "resources": ["*/token"], "verbs": ["create"]}) == {"RBAC-017"}
	rbac.matching({"apiGroups": ["authentication.k8s.io"], "resources": ["*/scopes"], "verbs": ["impersonate"]}) == {"RBAC-011"}
	rbac.matching({"apiGroups": ["authentication.k8s.io"], "resources": ["userextras/scopes"], "verbs": ["impersonate"]}) == {"RBAC-011"}
}

# _may_match_raw on the raw rule agrees with the candidates of the normalized one.
test_may_match_raw if {
	rbac._may_match_raw({"resources": ["secrets"], "verbs": ["get"]})
	rbac._may_match_raw({"resources": ["configmaps"], "verbs": ["*"]})
	rbac._may_match_raw({"apiGroups": ["*"], "resources": ["configmaps"]})
	rbac._may_match_raw({"resources": ["*/scale"]})
	rbac._may_match_raw({"resources": ["userextras/x"]})
	not rbac._may_match_raw({"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]})
	not rbac._may_match_raw({"apiGroups": "*", "resources": "*", "verbs": "*"})
	not rbac._may_match_raw({"resources": [1, null], "verbs": [true]})
}

test_reported_groups_role_rules_by_winner if {
	role := {"kind": "Role", "metadata": {"name": "r", "namespace": "ns"}, "rules": [
		{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]},
		{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]},
		{"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]},
		{"apiGroups": [""], "resources": ["secrets"], "verbs": ["list"]},
	]}
	got := {id: {r.index | some r in rs} | some id, rs in rbac.reported} with input as role
	got == {"RBAC-005": {1, 3}, "RBAC-006": {2}}
	every id, rs in rbac.reported {
		every r in rs {
			rbac.reported_at(id, r)
		}
	} with input as role
}

test_resource_names_exempt_only_secrets_read if {
	rbac.matching({"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["db"], "verbs": ["get"]}) == set()
	rbac.matching({"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "resourceNames": ["view"], "verbs": ["bind"]}) == {"RBAC-010"}
}

test_ranking_most_severe_then_lowest_id if {
	# verbs "*" on core "*": high wildcard verbs, critical impersonation, ...
	rule := {"apiGroups": [""], "resources": ["*"], "verbs": ["*"]}
	rbac.matching(rule) == {"RBAC-002", "RBAC-003", "RBAC-005", "RBAC-006", "RBAC-007", "RBAC-008", "RBAC-011", "RBAC-012", "RBAC-013", "RBAC-014", "RBAC-017", "RBAC-018"}
	rbac.winner(rule) == "RBAC-011"

	# Two critical rows: the lowest id wins.
	both := {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["bind", "escalate"]}
	rbac.winner(both) == "RBAC-009"
	rbac.reports("RBAC-009", both)
	not rbac.reports("RBAC-010", both)

	# A high grant row beats the medium wildcard-resources row.
	read := {"apiGroups": [""], "resources": ["*"], "verbs": ["get", "list", "watch"]}
	rbac.winner(read) == "RBAC-005"
	rbac.also("RBAC-005", read) == ", which also matches KW-RBAC-003, KW-RBAC-006, KW-RBAC-007, KW-RBAC-008, KW-RBAC-014"
	rbac.also("RBAC-006", {"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["get"]}) == ""
}

test_message if {
	r := {"index": 2, "rule": {"apiGroups": [""], "resources": ["*"], "verbs": ["get"]}}
	rbac.message("RBAC-005", r, "reads Secrets", "do x") == `rules[2] reads Secrets (apiGroups [""], resources ["*"], verbs ["get"]), which also matches KW-RBAC-003, KW-RBAC-006, KW-RBAC-007, KW-RBAC-008, KW-RBAC-014; do x.`
}

# --- role_rules -----------------------------------------------------------------

test_role_rules if {
	role := {"kind": "Role", "rules": [{"verbs": ["get"]}, "junk", {"verbs": ["*"]}]}
	rs := rbac.role_rules with input as role
	rs == {
		{"rule": {"verbs": ["get"]}, "index": 0, "path": ["rules", 0]},
		{"rule": {"verbs": ["*"]}, "index": 2, "path": ["rules", 2]},
	}
}

test_role_rules_skipped if {
	count(rbac.role_rules) == 0 with input as {"kind": "ClusterRole", "aggregationRule": {"clusterRoleSelectors": []}, "rules": [{"verbs": ["*"]}]}
	count(rbac.role_rules) == 0 with input as {"kind": "ClusterRole", "metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}, "rules": [{"verbs": ["*"]}]}
	count(rbac.role_rules) == 0 with input as {"kind": "RoleBinding", "rules": [{"verbs": ["*"]}]}
	count(rbac.role_rules) == 0 with input as {"kind": "Role", "rules": {"a": {"verbs": ["*"]}}}

	# aggregationRule: null is no aggregation.
	count(rbac.role_rules) == 1 with input as {"kind": "ClusterRole", "aggregationRule": null, "rules": [{"verbs": ["*"]}]}
}

# --- aggregation ----------------------------------------------------------------

cr(name, labels, agg, rules) := {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"kind": "ClusterRole",
	"metadata": {"name": name, "labels": labels},
	"aggregationRule": agg,
	"rules": rules,
}

sel(label) := {"clusterRoleSelectors": [{"matchLabels": {label: "true"}}]}

secrets_rule := {"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}

pods_rule := {"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}

# view feeds edit, which feeds admin; cycle-a and cycle-b select each other.
agg_inv := {"cluster": {"ClusterRole": {
	"my-admin": cr("my-admin", {}, sel("to-admin"), []),
	"my-edit": cr("my-edit", {"to-admin": "true"}, sel("to-edit"), []),
	"my-view": cr("my-view", {"to-edit": "true"}, null, [pods_rule]),
	"secret-reader": cr("secret-reader", {"to-edit": "true"}, null, [secrets_rule]),
	"other": cr("other", {}, null, [secrets_rule]),
	"cycle-a": cr("cycle-a", {"loop": "a"}, {"clusterRoleSelectors": [{"matchLabels": {"loop": "b"}}]}, [pods_rule]),
	"cycle-b": cr("cycle-b", {"loop": "b"}, {"clusterRoleSelectors": [{"matchLabels": {"loop": "a"}}, "junk"]}, [secrets_rule]),
	"self": cr("self", {"me": "true"}, {"clusterRoleSelectors": [{"matchLabels": {"me": "true"}}]}, []),
	"bad-selectors": cr("bad-selectors", {}, {"clusterRoleSelectors": "all"}, []),
}}}

test_aggregation_is_transitive if {
	rbac.aggregated_from("my-admin") == {"my-admin", "my-edit", "my-view", "secret-reader"} with data.kubeward.inventory as agg_inv
	rbac.aggregated_from("my-edit") == {"my-edit", "my-view", "secret-reader"} with data.kubeward.inventory as agg_inv
	rbac.aggregated_from("other") == {"other"} with data.kubeward.inventory as agg_inv
}

test_aggregation_terminates_on_cycles if {
	rbac.aggregated_from("cycle-a") == {"cycle-a", "cycle-b"} with data.kubeward.inventory as agg_inv
	rbac.aggregated_from("self") == {"self"} with data.kubeward.inventory as agg_inv
	rbac.aggregated_from("bad-selectors") == {"bad-selectors"} with data.kubeward.inventory as agg_inv
	rbac.aggregated_from("unknown") == set() with data.kubeward.inventory as agg_inv
}

# The engine stores index_build as data.kubeward.index.rbac once per run; the
# indexed lookups must say what the computed ones say.
test_indexed_aggregation_agrees_with_the_computed_one if {
	index := rbac.index_build with data.kubeward.inventory as agg_inv
	every name in ["my-admin", "my-edit", "other", "cycle-a", "self", "bad-selectors", "unknown"] {
		computed := rbac.aggregated_from(name) with data.kubeward.inventory as agg_inv
		indexed := rbac.aggregated_from(name) with data.kubeward.inventory as agg_inv
			with data.kubeward.index.rbac as index
		computed == indexed
	}
	index.aggregatedFrom["my-edit"] == ["my-edit", "my-view", "secret-reader"]
}

test_empty_selector_aggregates_every_other_role if {
	inv := {"cluster": {"ClusterRole": {
		"all": cr("all", {}, {"clusterRoleSelectors": [{}]}, []),
		"a": cr("a", {}, null, []),
		"b": {"kind": "ClusterRole", "metadata": {"name": "b"}},
	}}}
	rbac.aggregated_from("all") == {"all", "a", "b"} with data.kubeward.inventory as inv
}

# --- roleRef and effective rules ------------------------------------------------

role_inv := object.union(agg_inv, {"namespaced": {"shop": {"Role": {"reader": {
	"kind": "Role",
	"metadata": {"name": "reader", "namespace": "shop"},
	"rules": [pods_rule, "junk"],
}}}}})

binding(kind, ns, ref_kind, ref_name) := {
	"kind": kind,
	"metadata": {"name": "b", "namespace": ns},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": ref_kind, "name": ref_name},
}

test_role_of if {
	rbac.role_of(binding("RoleBinding", "shop", "Role", "reader")).kind == "Role" with data.kubeward.inventory as role_inv
	not rbac.role_of(binding("RoleBinding", "other", "Role", "reader")) with data.kubeward.inventory as role_inv
	not rbac.role_of(binding("ClusterRoleBinding", "shop", "Role", "reader")) with data.kubeward.inventory as role_inv
	rbac.role_of(binding("ClusterRoleBinding", "", "ClusterRole", "other")).metadata.name == "other" with data.kubeward.inventory as role_inv
	rbac.role_of(binding("RoleBinding", "shop", "ClusterRole", "other")).metadata.name == "other" with data.kubeward.inventory as role_inv
	not rbac.role_of(binding("RoleBinding", "shop", "ClusterRole", "missing")) with data.kubeward.inventory as role_inv
	not rbac.role_of(binding("Pod", "shop", "ClusterRole", "other")) with data.kubeward.inventory as role_inv
}

test_effective_rules_of_role if {
	got := rbac.effective_rules(binding("RoleBinding", "shop", "Role", "reader")) with data.kubeward.inventory as role_inv
	got == {{"kind": "Role", "name": "reader", "index": 0, "rule": pods_rule}}
}

test_effective_rules_of_aggregated_cluster_role_name_their_source if {
	got := rbac.effective_rules(binding("RoleBinding", "shop", "ClusterRole", "my-admin")) with data.kubeward.inventory as role_inv
	got == {
		{"kind": "ClusterRole", "name": "my-view", "index": 0, "rule": pods_rule},
		{"kind": "ClusterRole", "name": "secret-reader", "index": 0, "rule": secrets_rule},
	}
}

test_effective_rules_of_missing_role_is_empty if {
	rbac.effective_rules(binding("RoleBinding", "shop", "Role", "nope")) == set() with data.kubeward.inventory as role_inv
	rbac.effective_rules(binding("ClusterRoleBinding", "", "ClusterRole", "nope")) == set() with data.kubeward.inventory as role_inv
}

test_role_without_rules if {
	inv := {"namespaced": {"shop": {"Role": {"empty": {"kind": "Role", "rules": "none"}}}}}
	rbac.effective_rules(binding("RoleBinding", "shop", "Role", "empty")) == set() with data.kubeward.inventory as inv
}

# --- subjects -------------------------------------------------------------------

test_subjects if {
	b := {
		"kind": "RoleBinding",
		"metadata": {"name": "b", "namespace": "shop"},
		"subjects": [
			{"kind": "ServiceAccount", "name": "builder"},
			{"kind": "ServiceAccount", "name": "ci", "namespace": "tools"},
			{"kind": "User", "name": "jane", "apiGroup": "rbac.authorization.k8s.io"},
			{"kind": "Group", "name": 7},
			"junk",
		],
	}
	got := rbac.subjects with input as b
	got == {
		{"kind": "ServiceAccount", "name": "builder", "namespace": "shop", "index": 0, "path": ["subjects", 0], "label": `ServiceAccount "shop/builder"`},
		{"kind": "ServiceAccount", "name": "ci", "namespace": "tools", "index": 1, "path": ["subjects", 1], "label": `ServiceAccount "tools/ci"`},
		{"kind": "User", "name": "jane", "namespace": "", "index": 2, "path": ["subjects", 2], "label": `User "jane"`},
	}
}

test_subjects_of_cluster_role_binding_default_namespace if {
	got := rbac.subjects with input as {"kind": "ClusterRoleBinding", "subjects": [{"kind": "ServiceAccount", "name": "x", "namespace": ""}]}
	{s.label | some s in got} == {`ServiceAccount "default/x"`}
}

test_no_subjects if {
	count(rbac.subjects) == 0 with input as {"kind": "RoleBinding", "subjects": {"kind": "User", "name": "x"}}
	count(rbac.subjects) == 0 with input as {"kind": "Role", "subjects": [{"kind": "User", "name": "x"}]}
	count(rbac.subjects) == 0 with input as {"kind": "RoleBinding", "metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}, "subjects": [{"kind": "User", "name": "x"}]}
}

test_binding_under_review if {
	rbac.binding_under_review with input as {"kind": "ClusterRoleBinding"}
	not rbac.binding_under_review with input as {"kind": "ClusterRole"}
	not rbac.binding_under_review with input as {"kind": "RoleBinding", "metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}}
}

test_full_wildcard if {
	rbac.full_wildcard({"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]})
	not rbac.full_wildcard({"apiGroups": ["*"], "resources": ["*"], "verbs": ["get"]})
	not rbac.full_wildcard("rule")
}
