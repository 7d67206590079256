package kubeward.rules.workload.single_replica_test

import data.kubeward.rules.workload.single_replica

deployment(spec) := {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

test_unset_replicas if {
	got := single_replica.deny with input as deployment({"template": {}})
	got == {{
		"msg": "Deployment \"web\" does not set spec.replicas (default: 1); set it to at least 2 or scale it with a HorizontalPodAutoscaler.",
		"path": ["spec", "replicas"],
	}}
}

test_one_replica_statefulset if {
	got := single_replica.deny with input as {"kind": "StatefulSet", "metadata": {"name": "db"}, "spec": {"replicas": 1}}
	got == {{
		"msg": "StatefulSet \"db\" sets spec.replicas=1; set it to at least 2 or scale it with a HorizontalPodAutoscaler.",
		"path": ["spec", "replicas"],
	}}
}

test_hpa_of_another_object_does_not_exempt if {
	inv := {"namespaced": {"shop": {"HorizontalPodAutoscaler": {"h": {"spec": {"scaleTargetRef": {"kind": "Deployment", "name": "api"}}}}}}}
	count(single_replica.deny) == 1 with input as deployment({"replicas": 1}) with data.kubeward.inventory as inv
}

test_zero_or_several_replicas_pass if {
	count(single_replica.deny) == 0 with input as deployment({"replicas": 0})
	count(single_replica.deny) == 0 with input as deployment({"replicas": 2})
	count(single_replica.deny) == 0 with input as deployment({"replicas": "1"})
}

test_hpa_target_passes if {
	inv := {"namespaced": {"shop": {"HorizontalPodAutoscaler": {"h": {"spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}}}}}}}
	count(single_replica.deny) == 0 with input as deployment({}) with data.kubeward.inventory as inv
}

test_other_kinds_pass if {
	count(single_replica.deny) == 0 with input as {"kind": "ReplicaSet", "spec": {"replicas": 1}}
}
