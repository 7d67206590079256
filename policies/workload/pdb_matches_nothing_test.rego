package kubeward.rules.workload.pdb_matches_nothing_test

import data.kubeward.rules.workload.pdb_matches_nothing

pdb(spec) := {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

inv := {"namespaced": {"shop": {
	"Deployment": {"web": {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"metadata": {"labels": {"app": "web"}}}}}},
	"CronJob": {"report": {"kind": "CronJob", "metadata": {"name": "report", "namespace": "shop"}, "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"labels": {"app": "report"}}}}}}}},
	"Service": {"db": {"kind": "Service", "metadata": {"name": "db", "labels": {"app": "db"}}}},
}}}

test_selector_matches_nothing if {
	got := complete(pdb({"selector": {"matchLabels": {"app": "db"}}, "maxUnavailable": 1}))
	got == {{
		"msg": "PodDisruptionBudget \"web\" has a spec.selector that selects no pods in namespace \"shop\"; fix the selector or remove the budget.",
		"path": ["spec", "selector"],
	}}
}

# complete(obj) is the findings for obj in a complete run with inventory inv.
complete(obj) := got if {
	got := pdb_matches_nothing.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_selector_absent_or_null if {
	want := {{
		"msg": "PodDisruptionBudget \"web\" does not set spec.selector (default: selects no pods); set it to select the pods to protect.",
		"path": ["spec", "selector"],
	}}
	complete(pdb({"maxUnavailable": 1})) == want
	complete(pdb({"selector": null})) == want
}

test_empty_v1beta1_selector_matches_nothing if {
	old := {"apiVersion": "policy/v1beta1", "kind": "PodDisruptionBudget", "metadata": {"name": "old", "namespace": "shop"}, "spec": {"selector": {}}}
	count(complete(old)) == 1
}

test_silent_without_complete if {
	count(pdb_matches_nothing.deny) == 0 with input as pdb({}) with data.kubeward.inventory as inv
	count(pdb_matches_nothing.deny) == 0 with input as pdb({"selector": {"matchLabels": {"app": "x"}}}) with data.kubeward.inventory as inv
}

test_selector_matching_pods_passes if {
	count(complete(pdb({"selector": {"matchLabels": {"app": "web"}}}))) == 0
	count(complete(pdb({"selector": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["report"]}]}}))) == 0
	count(complete(pdb({"selector": {}}))) == 0
}

test_other_kinds_pass if {
	count(complete({"kind": "Deployment", "spec": {}})) == 0
}
