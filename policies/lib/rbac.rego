# METADATA
# title: RBAC helpers
# description: |
#   RBAC grant semantics as the API server's RBAC authorizer applies them
#   (catalogue section 1, "RBAC grant semantics"): which verbs, resources and
#   API groups a PolicyRule grants, nonResourceURLs, ClusterRole aggregation
#   over the inventory, the effective rules of a binding's roleRef, subjects,
#   and the bootstrap exemption. It also holds the ranking of the role rows
#   KW-RBAC-001 to KW-RBAC-019 (catalogue section 8): when several fire on one
#   rules[i], only the most severe reports it (tie: lowest id).
#   Stable API for user policies: data.kubeward.lib.rbac.
package kubeward.lib.rbac

import data.kubeward.lib.inventory
import data.kubeward.lib.selectors

# The API group of RBAC objects.
group := "rbac.authorization.k8s.io"

role_kinds := {"Role", "ClusterRole"}

binding_kinds := {"RoleBinding", "ClusterRoleBinding"}

# bootstrap(obj) holds for the API server's own roles and bindings, which
# every RBAC row exempts.
bootstrap(obj) if obj.metadata.labels["kubernetes.io/bootstrapping"] == "rbac-defaults"

# strings(x) is the set of strings in list x (empty when x is not a list).
strings(x) := {s | some s in x; is_string(s)} if is_array(x)

else := set()

# ---------------------------------------------------------------------------
# What a PolicyRule grants.

# grants(rule, verbs, resources, group) holds when rule grants one of the
# verbs on one of the resources ("res" or "res/sub") of the API group (core =
# ""). The requested verb "*" stands for any verb, and the requested resource
# "userextras/*" for any resource "userextras/<key>". resourceNames is not
# looked at: rows say when a non-empty resourceNames exempts a rule.
grants(rule, verbs, resources, api_group) if _grants(normalized(rule), verbs, resources, api_group)

# normalized(rule) holds the string sets of a PolicyRule's fields. The grant
# checks read a rule's lists many times; building the sets once per rule is
# most of what makes ranking a large role cheap.
normalized(rule) := {
	"verbs": strings(_field(rule, "verbs")),
	"resources": strings(_field(rule, "resources")),
	"apiGroups": strings(_field(rule, "apiGroups")),
	"resourceNames": strings(_field(rule, "resourceNames")),
	"nonResourceURLs": strings(_field(rule, "nonResourceURLs")),
}

_field(rule, name) := rule[name] if is_object(rule)

else := null

_grants(n, verbs, resources, api_group) if {
	_verb_ok(n.verbs, verbs)
	_group_ok(n.apiGroups, api_group)
	some r in resources
	_resource_ok(n.resources, r)
}

_verb_ok(granted, _) if "*" in granted

_verb_ok(granted, verbs) if {
	some v in verbs
	v in granted
}

_verb_ok(granted, verbs) if {
	"*" in verbs
	count(granted) > 0
}

_group_ok(granted, _) if "*" in granted

_group_ok(granted, api_group) if api_group in granted

_resource_ok(granted, _) if "*" in granted

_resource_ok(granted, r) if r in granted

# "*/sub" grants the subresource sub of every resource.
_resource_ok(granted, r) if {
	parts := split(r, "/")
	count(parts) == 2
	concat("/", ["*", parts[1]]) in granted
}

# "userextras/*": any extra key, written out or as "*/<key>".
_resource_ok(granted, "userextras/*") if {
	some x in granted
	some prefix in ["userextras/", "*/"]
	startswith(x, prefix)
	count(x) > count(prefix)
}

# grants_url(rule, verbs, url) holds when rule grants one of the verbs on the
# non-resource URL url: a nonResourceURLs entry equal to it, or ending in "*"
# and a prefix of it.
grants_url(rule, verbs, url) if {
	n := normalized(rule)
	_verb_ok(n.verbs, verbs)
	some u in n.nonResourceURLs
	_url_ok(u, url)
}

_url_ok(u, u)

_url_ok(u, url) if {
	endswith(u, "*")
	startswith(url, trim_suffix(u, "*"))
}

# has_resource_names(rule) holds when rule is narrowed to named objects.
has_resource_names(rule) if count(strings(rule.resourceNames)) > 0

# full_wildcard(rule) holds when rule has "*" in verbs, resources and apiGroups.
full_wildcard(rule) if _full_wildcard(normalized(rule))

_full_wildcard(n) if {
	"*" in n.verbs
	"*" in n.resources
	"*" in n.apiGroups
}

# describe(rule) lists the rule's fields for a message, e.g.
# `apiGroups [""], resources ["secrets"], verbs ["get", "list"]`.
describe(rule) := concat(", ", [sprintf("%s %s", [f, _show(rule[f])]) |
	some f in ["apiGroups", "resources", "resourceNames", "nonResourceURLs", "verbs"]
	_ = rule[f]
])

_show(x) := sprintf("[%s]", [concat(", ", [json.marshal(v) | some v in x])]) if is_array(x)

else := json.marshal(x)

# ---------------------------------------------------------------------------
# The role rows KW-RBAC-001 to KW-RBAC-019 and their ranking (section 8).

# severity of each role row.
severity := {
	"RBAC-001": "critical",
	"RBAC-002": "high",
	"RBAC-003": "medium",
	"RBAC-004": "low",
	"RBAC-005": "high",
	"RBAC-006": "high",
	"RBAC-007": "high",
	"RBAC-008": "medium",
	"RBAC-009": "critical",
	"RBAC-010": "critical",
	"RBAC-011": "critical",
	"RBAC-012": "medium",
	"RBAC-013": "medium",
	"RBAC-014": "high",
	"RBAC-015": "high",
	"RBAC-016": "high",
	"RBAC-017": "medium",
	"RBAC-018": "medium",
	"RBAC-019": "high",
}

_rank := {"critical": 4, "high": 3, "medium": 2, "low": 1}

_write := {"create", "update", "patch"}

# row(id, rule) holds when the "fires when" of role row id holds for rule
# (before ranking).
row(id, rule) if _row(id, normalized(rule))

_row("RBAC-001", n) if _full_wildcard(n)

_row("RBAC-002", n) if {
	"*" in n.verbs
	not _full_wildcard(n)
}

_row("RBAC-003", n) if {
	"*" in n.resources
	not _full_wildcard(n)
}

_row("RBAC-004", n) if {
	"*" in n.apiGroups
	not _full_wildcard(n)
}

# The rows that fire when a rule grants one of the verbs on one of the
# resources of the API group, as arguments of _grants: one table, looked up by
# id, so that a rule is tested only against the rows _candidates picks.
_grant_rows := {
	"RBAC-005": [{"verbs": {"get", "list", "watch"}, "resources": {"secrets"}, "group": ""}],
	"RBAC-006": [{"verbs": {"create", "get"}, "resources": {"pods/exec"}, "group": ""}],
	"RBAC-007": [{"verbs": {"create", "get"}, "resources": {"pods/attach"}, "group": ""}],
	"RBAC-008": [{"verbs": {"create", "get"}, "resources": {"pods/portforward"}, "group": ""}],
	"RBAC-009": [{"verbs": {"escalate"}, "resources": {"roles", "clusterroles"}, "group": group}],
	"RBAC-010": [{"verbs": {"bind"}, "resources": {"roles", "clusterroles"}, "group": group}],
	"RBAC-011": [
		{"verbs": {"impersonate"}, "resources": {"users", "groups", "serviceaccounts"}, "group": ""},
		{"verbs": {"impersonate"}, "resources": {"userextras/*", "uids"}, "group": "authentication.k8s.io"},
	],
	"RBAC-012": [{"verbs": {"create"}, "resources": {"pods"}, "group": ""}],
	"RBAC-013": [
		{"verbs": _write, "resources": {"deployments", "daemonsets", "statefulsets", "replicasets"}, "group": "apps"},
		{"verbs": _write, "resources": {"jobs", "cronjobs"}, "group": "batch"},
		{"verbs": _write, "resources": {"replicationcontrollers"}, "group": ""},
	],
	"RBAC-014": [{"verbs": {"*"}, "resources": {"nodes/proxy"}, "group": ""}],
	"RBAC-015": [
		{"verbs": {"update", "patch"}, "resources": {"certificatesigningrequests/approval"}, "group": "certificates.k8s.io"},
		{"verbs": {"approve"}, "resources": {"signers"}, "group": "certificates.k8s.io"},
	],
	"RBAC-016": [{
		"verbs": {"create", "update", "patch", "delete", "deletecollection"},
		"resources": {
			"mutatingwebhookconfigurations", "validatingwebhookconfigurations",
			"validatingadmissionpolicies", "validatingadmissionpolicybindings",
			"mutatingadmissionpolicies", "mutatingadmissionpolicybindings",
		},
		"group": "admissionregistration.k8s.io",
	}],
	"RBAC-017": [{"verbs": {"create"}, "resources": {"serviceaccounts/token"}, "group": ""}],
	"RBAC-018": [{"verbs": {"create"}, "resources": {"persistentvolumes"}, "group": ""}],
	"RBAC-019": [{"verbs": _write, "resources": {"roles", "clusterroles", "rolebindings", "clusterrolebindings"}, "group": group}],
}

_row(id, n) if {
	some g in _grant_rows[id]
	_grants(n, g.verbs, g.resources, g.group)
	not _exempt(id, n)
}

# KW-RBAC-005 exempts a rule narrowed to named Secrets.
_exempt("RBAC-005", n) if count(n.resourceNames) > 0

# matching(rule) is the set of role row ids whose "fires when" holds for rule.
# A full wildcard rule grants everything every other row describes: it matches
# KW-RBAC-001 alone, so that it gives one finding with a short message.
matching(rule) := _matching(normalized(rule)) if _may_match_raw(rule)

else := set()

_matching(n) := {"RBAC-001"} if _full_wildcard(n)

else := {id | some id in _candidates(n); _row(id, n)}

# _candidates(n) are the rows that could match n: those whose table names a
# resource n grants (or that stands for one: "*/sub", "userextras/…"), and the
# wildcard rows. Most rules of real roles (read configmaps, events, leases)
# name none, and are spared the 19 rows; the others are tested against the
# one or two rows their resources name.
_candidates(n) := object.keys(severity) if "*" in n.resources

else := {id | some r in n.resources; some id in _rows_naming(r)} | {id |
	some id, field in {"RBAC-002": "verbs", "RBAC-004": "apiGroups"}
	"*" in n[field]
}

_rows_naming(r) := ids if ids := _rows_by_resource[r]

else := object.keys(severity) if startswith(r, "*/")

else := {"RBAC-011"} if startswith(r, "userextras/")

# _rows_by_resource maps every resource of _grant_rows to the rows naming it.
# A literal, as it is read for every rule of every role; a test checks it
# against _grant_rows.
_rows_by_resource := {
	"secrets": {"RBAC-005"},
	"pods/exec": {"RBAC-006"},
	"pods/attach": {"RBAC-007"},
	"pods/portforward": {"RBAC-008"},
	"roles": {"RBAC-009", "RBAC-010", "RBAC-019"},
	"clusterroles": {"RBAC-009", "RBAC-010", "RBAC-019"},
	"users": {"RBAC-011"},
	"groups": {"RBAC-011"},
	"serviceaccounts": {"RBAC-011"},
	"userextras/*": {"RBAC-011"},
	"uids": {"RBAC-011"},
	"pods": {"RBAC-012"},
	"deployments": {"RBAC-013"},
	"daemonsets": {"RBAC-013"},
	"statefulsets": {"RBAC-013"},
	"replicasets": {"RBAC-013"},
	"jobs": {"RBAC-013"},
	"cronjobs": {"RBAC-013"},
	"replicationcontrollers": {"RBAC-013"},
	"nodes/proxy": {"RBAC-014"},
	"certificatesigningrequests/approval": {"RBAC-015"},
	"signers": {"RBAC-015"},
	"mutatingwebhookconfigurations": {"RBAC-016"},
	"validatingwebhookconfigurations": {"RBAC-016"},
	"validatingadmissionpolicies": {"RBAC-016"},
	"validatingadmissionpolicybindings": {"RBAC-016"},
	"mutatingadmissionpolicies": {"RBAC-016"},
	"mutatingadmissionpolicybindings": {"RBAC-016"},
	"serviceaccounts/token": {"RBAC-017"},
	"persistentvolumes": {"RBAC-018"},
	"rolebindings": {"RBAC-019"},
	"clusterrolebindings": {"RBAC-019"},
}

# _may_match_raw(rule) holds when the raw PolicyRule has a "*" or a resource
# that could match a row, as _candidates would find on normalized(rule): most
# rules fail it, and matching never normalizes them.
_may_match_raw(rule) if _wildcard_list(rule.verbs)

_may_match_raw(rule) if _wildcard_list(rule.apiGroups)

_may_match_raw(rule) if _wildcard_list(rule.resources)

_may_match_raw(rule) if {
	is_array(rule.resources)
	some r in rule.resources
	is_string(r)
	_rows_naming(r)
}

# _wildcard_list(x) holds when x is a list with "*" ("*" in strings(x)).
_wildcard_list(x) if {
	is_array(x)
	"*" in x
}

# winner(rule) is the row that reports rule: the most severe of matching(rule),
# the lowest id among equally severe ones; undefined when none matches.
winner(rule) := _winner(matching(rule))

_winner(ids) := sort([[0 - _rank[severity[id]], id] | some id in ids])[0][1]

# reports(id, rule) holds when row id is the one that reports rule.
reports(id, rule) if winner(rule) == id

# ranked maps i to the ranking of rules[i] of the role under review: the rows
# it matches and the one that reports it (rules no row matches are absent).
# A complete rule, so it is computed once per evaluation, in one pass over the
# role's rules, however many role rows read it. (As a partial rule, each
# lookup ranked[i] re-scanned every rule of the role: quadratic in its size.)
ranked := {r.index: {"matching": m, "winner": _winner(m)} |
	some r in role_rules
	m := matching(r.rule)
	count(m) > 0
}

# reported maps each row id to the set of elements of role_rules it reports
# (rows that report none are absent). Built once per evaluation, so that each
# role row looks its own elements up instead of testing every rule of the
# role with reported_at.
reported := {id: {r | some r in role_rules; ranked[r.index].winner == id} |
	some id in {x.winner | some x in ranked}
}

# reported_at(id, r) holds when row id reports the element r of role_rules.
reported_at(id, r) if ranked[r.index].winner == id

# also(id, rule) names the other rows that match rule, for the message of the
# row that reports it ("" when there are none).
also(id, rule) := _also(id, matching(rule))

_also(id, ids) := sprintf(", which also matches %s", [concat(", ", [sprintf("KW-%s", [x]) | some x in sort(ids - {id})])]) if {
	count(ids - {id}) > 0
} else := ""

# message(id, r, what, todo) is the message of role row id on an element r of
# role_rules: `rules[i] <what> (<the rule's fields>)<also>; <todo>.`
message(id, r, what, todo) := sprintf("rules[%d] %s (%s)%s; %s.", [r.index, what, describe(r.rule), _also(id, _matching_at(r)), todo])

# The rows matching r, from the ranking when r is a rule of the role under
# review (it was computed there already).
_matching_at(r) := m if {
	m := ranked[r.index].matching
} else := matching(r.rule)

# aggregated(role) holds for a ClusterRole with an aggregationRule, whose
# rules are copies of the rules of the roles it selects.
aggregated(role) if {
	role.kind == "ClusterRole"
	is_object(role.aggregationRule)
}

# role_rules holds {"rule", "index", "path"} for every rules[i] of the Role or
# ClusterRole under review that the role rows look at: none of a bootstrap
# role, nor of an aggregated ClusterRole (its source roles are reported).
role_rules contains {"rule": r, "index": i, "path": ["rules", i]} if {
	input.kind in role_kinds
	not bootstrap(input)
	not aggregated(input)
	is_array(input.rules)
	some i, r in input.rules
	is_object(r)
}

# ---------------------------------------------------------------------------
# Aggregation, roleRefs and subjects.

# aggregation_graph maps the name of every inventory ClusterRole to the names
# of the other inventory ClusterRoles its aggregationRule selects (an empty
# set when it has none).
# One comprehension, not a rule defining the map key by key: OPA checks each
# new key of such a rule against all defined before (quadratic in the roles).
aggregation_graph := {name: _selected(name, role) |
	some name, role in inventory.cluster_objects("ClusterRole")
}

_selected(name, role) := {other |
	some other, o in inventory.cluster_objects("ClusterRole")
	other != name
	selects(role, o)
} if aggregated(role)

else := set()

# selects(role, other) holds when one of role's clusterRoleSelectors matches
# other's labels (an empty selector {} matches every role).
selects(role, other) if {
	aggregated(role)
	is_array(role.aggregationRule.clusterRoleSelectors)
	some s in role.aggregationRule.clusterRoleSelectors
	selectors.matches(s, _labels(other))
}

_labels(obj) := l if {
	l := obj.metadata.labels
	is_object(l)
} else := {}

# aggregated_from(name) is the set of names of the inventory ClusterRoles
# whose rules count for ClusterRole name: itself and, transitively, every role
# its aggregationRule selects (each visited once, cycles included). Empty when
# name is not in the inventory.
aggregated_from(name) := {n | some n in _index.aggregatedFrom[name]} if _indexed

else := graph.reachable(aggregation_graph, {name})

# index_build is evaluated by the engine once per run and stored as
# data.kubeward.index.rbac: the aggregation graph costs a selector match per
# pair of ClusterRoles, too much to redo for every binding. aggregatedFrom
# maps every inventory ClusterRole to aggregated_from(name), as a list.
index_build := {"aggregatedFrom": {name: sort(_reachable(name, role)) |
	some name, role in inventory.cluster_objects("ClusterRole")
}}

_reachable(name, role) := graph.reachable(aggregation_graph, {name}) if aggregated(role)

else := {name}

_indexed if is_object(data.kubeward.index.rbac.aggregatedFrom)

_index := data.kubeward.index.rbac

# role_of(binding) is the Role (in the binding's namespace, RoleBinding only)
# or ClusterRole that binding.roleRef names, from the inventory; undefined
# when it is not there.
role_of(binding) := inventory.get(inventory.namespace_of(binding), "Role", binding.roleRef.name) if {
	binding.kind == "RoleBinding"
	binding.roleRef.kind == "Role"
}

role_of(binding) := inventory.cluster_get("ClusterRole", binding.roleRef.name) if {
	binding.kind in binding_kinds
	binding.roleRef.kind == "ClusterRole"
}

# effective_rules(binding) is the set of rules the binding's roleRef grants,
# each as {"kind", "name", "index", "rule"}: kind and name of the role whose
# rules[index] it is (for an aggregated ClusterRole, the source role that
# contributes it). Empty when the role is not in the inventory.
effective_rules(binding) := {x |
	role := role_of(binding)
	some name in _source_names(binding)
	some i, r in _rules(_source(binding, role, name))
	is_object(r)
	x := {"kind": binding.roleRef.kind, "name": name, "index": i, "rule": r}
}

_source_names(binding) := aggregated_from(binding.roleRef.name) if binding.roleRef.kind == "ClusterRole"

else := {binding.roleRef.name}

_source(binding, role, name) := inventory.cluster_get("ClusterRole", name) if binding.roleRef.kind == "ClusterRole"

else := role

_rules(role) := r if {
	r := role.rules
	is_array(r)
} else := []

# subjects holds, for the binding under review (none for a bootstrap binding),
# {"kind", "name", "namespace", "index", "path", "label"} for every subjects[j]
# with a string kind and name. A ServiceAccount's namespace defaults to the
# binding's; other kinds have namespace "". label names the subject in a
# message: `ServiceAccount "ns/name"`, `User "jane"`.
subjects contains s if {
	input.kind in binding_kinds
	not bootstrap(input)
	is_array(input.subjects)
	some j, subj in input.subjects
	is_string(subj.kind)
	is_string(subj.name)
	ns := _subject_namespace(subj)
	s := {
		"kind": subj.kind,
		"name": subj.name,
		"namespace": ns,
		"index": j,
		"path": ["subjects", j],
		"label": _subject_label(subj.kind, subj.name, ns),
	}
}

_subject_namespace(subj) := subj.namespace if {
	subj.kind == "ServiceAccount"
	is_string(subj.namespace)
	subj.namespace != ""
} else := inventory.namespace_of(input) if {
	subj.kind == "ServiceAccount"
} else := ""

_subject_label("ServiceAccount", name, ns) := sprintf("ServiceAccount %q", [concat("/", [ns, name])])

_subject_label(kind, name, _) := sprintf("%s %q", [kind, name]) if kind != "ServiceAccount"

# binding_under_review holds for a RoleBinding or ClusterRoleBinding that is
# not a bootstrap object.
binding_under_review if {
	input.kind in binding_kinds
	not bootstrap(input)
}
