package kubeward.rules.workload.pdb_no_disruption_test

import data.kubeward.rules.workload.pdb_no_disruption

pdb(spec) := {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

workload(kind, name, replicas, labels) := {
	"kind": kind,
	"metadata": {"name": name, "namespace": "shop"},
	"spec": {"replicas": replicas, "template": {"metadata": {"labels": labels}}},
}

inv := {"namespaced": {"shop": {
	"Deployment": {"web": workload("Deployment", "web", 3, {"app": "web"})},
	"ReplicaSet": {"web-1": workload("ReplicaSet", "web-1", 2, {"app": "web", "hash": "1"})},
	"StatefulSet": {"db": workload("StatefulSet", "db", 1, {"app": "db"})},
	"HorizontalPodAutoscaler": {"db": {"spec": {"scaleTargetRef": {"kind": "StatefulSet", "name": "db"}}}},
}}}

test_max_unavailable_zero if {
	got := pdb_no_disruption.deny with input as pdb({"selector": {}, "maxUnavailable": 0})
	got == {{
		"msg": "PodDisruptionBudget \"web\" sets spec.maxUnavailable=0, which allows no voluntary eviction; set it to at least 1.",
		"path": ["spec", "maxUnavailable"],
	}}
}

test_max_unavailable_zero_percent if {
	got := pdb_no_disruption.deny with input as pdb({"maxUnavailable": "0%"})
	got == {{
		"msg": "PodDisruptionBudget \"web\" sets spec.maxUnavailable=\"0%\", which allows no voluntary eviction; set it to at least 1.",
		"path": ["spec", "maxUnavailable"],
	}}
}

test_min_available_hundred_percent if {
	got := pdb_no_disruption.deny with input as pdb({"minAvailable": "100%"})
	got == {{
		"msg": "PodDisruptionBudget \"web\" sets spec.minAvailable=\"100%\", which allows no voluntary eviction; lower it or use maxUnavailable.",
		"path": ["spec", "minAvailable"],
	}}
}

test_min_available_reaches_every_selected_replica_count if {
	got := pdb_no_disruption.deny with input as pdb({"selector": {"matchLabels": {"app": "web"}}, "minAvailable": 3})
		with data.kubeward.inventory as inv
	got == {{
		"msg": "PodDisruptionBudget \"web\" sets spec.minAvailable=3, at least the replicas of every workload it selects (Deployment \"web\": 3, ReplicaSet \"web-1\": 2), which allows no voluntary eviction; lower it or use maxUnavailable.",
		"path": ["spec", "minAvailable"],
	}}
}

test_min_available_below_one_workload_passes if {
	count(pdb_no_disruption.deny) == 0 with input as pdb({"selector": {"matchLabels": {"app": "web"}}, "minAvailable": 2})
		with data.kubeward.inventory as inv
}

test_min_available_with_hpa_target_passes if {
	count(pdb_no_disruption.deny) == 0 with input as pdb({"selector": {"matchLabels": {"app": "db"}}, "minAvailable": 1})
		with data.kubeward.inventory as inv
}

test_min_available_without_matched_workload_passes if {
	count(pdb_no_disruption.deny) == 0 with input as pdb({"selector": {"matchLabels": {"app": "none"}}, "minAvailable": 5})
		with data.kubeward.inventory as inv
	count(pdb_no_disruption.deny) == 0 with input as pdb({"minAvailable": 5}) with data.kubeward.inventory as inv
}

test_other_values_pass if {
	count(pdb_no_disruption.deny) == 0 with input as pdb({"maxUnavailable": 1})
	count(pdb_no_disruption.deny) == 0 with input as pdb({"maxUnavailable": "10%"})
	count(pdb_no_disruption.deny) == 0 with input as pdb({"minAvailable": "50%", "selector": {}}) with data.kubeward.inventory as inv
	count(pdb_no_disruption.deny) == 0 with input as pdb({"minAvailable": "3", "selector": {}}) with data.kubeward.inventory as inv
}

test_other_kinds_pass if {
	count(pdb_no_disruption.deny) == 0 with input as {"kind": "Deployment", "spec": {"maxUnavailable": 0, "minAvailable": "100%"}}
}

one := {"namespaced": {"shop": {"Deployment": {"web": workload("Deployment", "web", 1, {"app": "web"})}}}}

three := {"namespaced": {"shop": {"Deployment": {"web": workload("Deployment", "web", 3, {"app": "web"})}}}}

test_min_available_percentage_rounded_up_to_every_replica if {
	# issue 23: 51% of 1 replica is 0.51 pods, rounded up to 1: no eviction allowed
	got := pdb_no_disruption.deny with input as pdb({"selector": {"matchLabels": {"app": "web"}}, "minAvailable": "51%"})
		with data.kubeward.inventory as one
	got == {{
		"msg": "PodDisruptionBudget \"web\" sets spec.minAvailable=\"51%\", at least the replicas of every workload it selects (Deployment \"web\": 1 of 1), which allows no voluntary eviction; lower it or use maxUnavailable.",
		"path": ["spec", "minAvailable"],
	}}

	# 67% of 3 is 2.01, rounded up to 3
	{f.path | some f in pdb_no_disruption.deny} == {["spec", "minAvailable"]} with input as pdb({"selector": {"matchLabels": {"app": "web"}}, "minAvailable": "67%"})
		with data.kubeward.inventory as three
}

test_min_available_percentage_below_the_replicas_passes if {
	# 66% of 3 is 1.98, rounded up to 2: one eviction allowed
	count(pdb_no_disruption.deny) == 0 with input as pdb({"selector": {"matchLabels": {"app": "web"}}, "minAvailable": "66%"})
		with data.kubeward.inventory as three
	count(pdb_no_disruption.deny) == 0 with input as pdb({"selector": {"matchLabels": {"app": "web"}}, "minAvailable": "51%"})
		with data.kubeward.inventory as inv
	count(pdb_no_disruption.deny) == 0 with input as pdb({"selector": {"matchLabels": {"app": "web"}}, "minAvailable": "half"})
		with data.kubeward.inventory as one
}

test_max_unavailable_percentage_rounded_up_passes if {
	# 10% of 3 is 0.3, rounded up to 1: one eviction allowed
	count(pdb_no_disruption.deny) == 0 with input as pdb({"selector": {"matchLabels": {"app": "web"}}, "maxUnavailable": "10%"})
		with data.kubeward.inventory as three
	count(pdb_no_disruption.deny) == 0 with input as pdb({"selector": {"matchLabels": {"app": "web"}}, "maxUnavailable": "1%"})
		with data.kubeward.inventory as one
}

test_min_available_percentage_with_hpa_target_passes if {
	count(pdb_no_disruption.deny) == 0 with input as pdb({"selector": {"matchLabels": {"app": "db"}}, "minAvailable": "60%"})
		with data.kubeward.inventory as inv
}
