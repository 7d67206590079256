package kubeward.rules.workload.no_spread_test

import data.kubeward.rules.workload.no_spread

deployment(replicas, pod_spec) := {
	"kind": "Deployment",
	"metadata": {"name": "web"},
	"spec": {"replicas": replicas, "template": {"metadata": {"labels": {"app": "web"}}, "spec": pod_spec}},
}

anti(field, term) := {"affinity": {"podAntiAffinity": {field: [term]}}}

test_replicated_deployment_without_spread if {
	got := no_spread.deny with input as deployment(3, {"containers": [{"name": "a"}]})
	got == {{
		"msg": "Deployment \"web\" runs 3 replicas but sets no topologySpreadConstraints and no podAntiAffinity term that selects its own pods (default: they may all land on one node); add one of them.",
		"path": ["spec", "template", "spec", "topologySpreadConstraints"],
	}}
}

test_statefulset_with_empty_constraints if {
	sts := {"kind": "StatefulSet", "metadata": {"name": "db"}, "spec": {"replicas": 2, "template": {"spec": {"topologySpreadConstraints": []}}}}
	{f.path | some f in no_spread.deny} == {["spec", "template", "spec", "topologySpreadConstraints"]} with input as sts
}

test_anti_affinity_to_other_pods_does_not_count if {
	term := {"labelSelector": {"matchLabels": {"app": "db"}}, "topologyKey": "kubernetes.io/hostname"}
	count(no_spread.deny) == 1 with input as deployment(2, anti("requiredDuringSchedulingIgnoredDuringExecution", term))
	null_selector := {"labelSelector": null, "topologyKey": "kubernetes.io/hostname"}
	count(no_spread.deny) == 1 with input as deployment(2, anti("requiredDuringSchedulingIgnoredDuringExecution", null_selector))
	count(no_spread.deny) == 1 with input as deployment(2, {"affinity": {"podAntiAffinity": "bad"}})
}

test_single_replica_passes if {
	count(no_spread.deny) == 0 with input as deployment(1, {})
	count(no_spread.deny) == 0 with input as deployment(null, {})
	count(no_spread.deny) == 0 with input as deployment("3", {})
}

test_spread_constraints_pass if {
	count(no_spread.deny) == 0 with input as deployment(3, {"topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "ScheduleAnyway"}]})
}

test_required_anti_affinity_passes if {
	term := {"labelSelector": {"matchLabels": {"app": "web"}}, "topologyKey": "kubernetes.io/hostname"}
	count(no_spread.deny) == 0 with input as deployment(3, anti("requiredDuringSchedulingIgnoredDuringExecution", term))
}

test_preferred_anti_affinity_passes if {
	term := {"weight": 100, "podAffinityTerm": {"labelSelector": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["web"]}]}, "topologyKey": "kubernetes.io/hostname"}}
	count(no_spread.deny) == 0 with input as deployment(3, anti("preferredDuringSchedulingIgnoredDuringExecution", term))
}

test_other_kinds_pass if {
	count(no_spread.deny) == 0 with input as {"kind": "ReplicaSet", "spec": {"replicas": 3}}
}

hpa_inventory(min_replicas) := {"namespaced": {"shop": {"HorizontalPodAutoscaler": {"web-hpa": {"spec": object.union(
	{"scaleTargetRef": {"kind": "Deployment", "name": "web"}, "maxReplicas": 10},
	min_replicas,
)}}}}}

shop_deployment(replicas) := object.union(deployment(replicas, {"containers": [{"name": "a"}]}), {"metadata": {"namespace": "shop"}})

test_hpa_min_replicas_counts_instead_of_spec_replicas if {
	# issue 23: spec.replicas unset (1), the HPA keeps at least 2
	got := no_spread.deny with input as shop_deployment(null) with data.kubeward.inventory as hpa_inventory({"minReplicas": 2})
	got == {{
		"msg": "Deployment \"web\" is scaled by HorizontalPodAutoscaler \"web-hpa\" to at least 2 replicas but sets no topologySpreadConstraints and no podAntiAffinity term that selects its own pods (default: they may all land on one node); add one of them.",
		"path": ["spec", "template", "spec", "topologySpreadConstraints"],
	}}
}

test_hpa_with_one_min_replica_passes if {
	count(no_spread.deny) == 0 with input as shop_deployment(3) with data.kubeward.inventory as hpa_inventory({"minReplicas": 1})
	count(no_spread.deny) == 0 with input as shop_deployment(3) with data.kubeward.inventory as hpa_inventory({})
}
