package kubeward.rules.workload.no_pdb_test

import data.kubeward.rules.workload.no_pdb

deployment(replicas) := {
	"kind": "Deployment",
	"metadata": {"name": "web", "namespace": "shop"},
	"spec": {"replicas": replicas, "template": {"metadata": {"labels": {"app": "web"}}}},
}

pdb(selector) := {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "spec": {"selector": selector, "maxUnavailable": 1}}

hpa := {"kind": "HorizontalPodAutoscaler", "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "web"}}}

test_replicated_deployment_without_pdb if {
	inv := {"namespaced": {"shop": {"PodDisruptionBudget": {"api": pdb({"matchLabels": {"app": "api"}})}}}}
	got := no_pdb.deny with input as deployment(3)
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
	got == {{
		"msg": "Deployment \"web\" runs 3 replicas but no PodDisruptionBudget in namespace \"shop\" selects its pods; add one so that evictions leave enough of them running.",
		"path": ["metadata", "name"],
	}}
}

test_hpa_targeted_statefulset_without_pdb if {
	sts := {"kind": "StatefulSet", "metadata": {"name": "db"}, "spec": {"template": {"metadata": {"labels": {"app": "db"}}}}}
	inv := {"namespaced": {"default": {"HorizontalPodAutoscaler": {"db-hpa": {"spec": {"scaleTargetRef": {"kind": "StatefulSet", "name": "db"}}}}}}}
	got := no_pdb.deny with input as sts
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
	got == {{
		"msg": "StatefulSet \"db\" is scaled by HorizontalPodAutoscaler \"db-hpa\" but no PodDisruptionBudget in namespace \"default\" selects its pods; add one so that evictions leave enough of them running.",
		"path": ["metadata", "name"],
	}}
}

test_pdb_with_null_selector_does_not_count if {
	inv := {"namespaced": {"shop": {"PodDisruptionBudget": {"p": pdb(null)}}}}
	count(no_pdb.deny) == 1 with input as deployment(2)
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_silent_without_complete if {
	count(no_pdb.deny) == 0 with input as deployment(3)
}

test_single_replica_passes if {
	count(no_pdb.deny) == 0 with input as deployment(1) with data.kubeward.run.assumeComplete as true
	count(no_pdb.deny) == 0 with input as deployment(null) with data.kubeward.run.assumeComplete as true
	count(no_pdb.deny) == 0 with input as deployment(0) with data.kubeward.run.assumeComplete as true
}

test_matching_pdb_passes if {
	inv := {"namespaced": {"shop": {"PodDisruptionBudget": {"web": pdb({"matchLabels": {"app": "web"}})}}}}
	count(no_pdb.deny) == 0 with input as deployment(3)
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_empty_selector_pdb_passes if {
	inv := {"namespaced": {"shop": {"PodDisruptionBudget": {"all": pdb({})}, "HorizontalPodAutoscaler": {"h": hpa}}}}
	count(no_pdb.deny) == 0 with input as deployment(1)
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_pdb_in_other_namespace_does_not_count if {
	inv := {"namespaced": {"other": {"PodDisruptionBudget": {"web": pdb({})}}}}
	count(no_pdb.deny) == 1 with input as deployment(3)
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_other_kinds_pass if {
	count(no_pdb.deny) == 0 with input as {"kind": "ReplicaSet", "spec": {"replicas": 3}} with data.kubeward.run.assumeComplete as true
}
