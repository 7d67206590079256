package kubeward.rules.workload.hpa_min_replicas_test

import data.kubeward.rules.workload.hpa_min_replicas

hpa(spec) := {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"}, "spec": spec}

test_min_replicas_unset if {
	got := hpa_min_replicas.deny with input as hpa({"maxReplicas": 5})
	got == {{
		"msg": "HorizontalPodAutoscaler \"web\" does not set spec.minReplicas (default: 1); set it to at least 2.",
		"path": ["spec", "minReplicas"],
	}}
}

test_min_replicas_one if {
	got := hpa_min_replicas.deny with input as hpa({"minReplicas": 1, "maxReplicas": 5})
	got == {{
		"msg": "HorizontalPodAutoscaler \"web\" sets spec.minReplicas=1; set it to at least 2.",
		"path": ["spec", "minReplicas"],
	}}
	count(hpa_min_replicas.deny) == 1 with input as hpa({"minReplicas": 0})
}

test_two_or_more_passes if {
	count(hpa_min_replicas.deny) == 0 with input as hpa({"minReplicas": 2})
	count(hpa_min_replicas.deny) == 0 with input as hpa({"minReplicas": 3})
	count(hpa_min_replicas.deny) == 0 with input as hpa({"minReplicas": "1"})
}

test_other_kinds_pass if {
	count(hpa_min_replicas.deny) == 0 with input as {"kind": "Deployment", "spec": {}}
}
