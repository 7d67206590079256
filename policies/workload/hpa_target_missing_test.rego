package kubeward.rules.workload.hpa_target_missing_test

import data.kubeward.rules.workload.hpa_target_missing

hpa(kind, name) := {
	"apiVersion": "autoscaling/v2",
	"kind": "HorizontalPodAutoscaler",
	"metadata": {"name": "web", "namespace": "shop"},
	"spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": kind, "name": name}},
}

inv := {"namespaced": {"shop": {"Deployment": {"web": {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}}}}}}

test_target_missing if {
	got := hpa_target_missing.deny with input as hpa("Deployment", "api")
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
	got == {{
		"msg": "HorizontalPodAutoscaler \"web\" targets Deployment \"api\" (spec.scaleTargetRef), which is not in namespace \"shop\"; fix the reference or remove the autoscaler.",
		"path": ["spec", "scaleTargetRef", "name"],
	}}
}

test_wrong_kind_is_missing if {
	count(hpa_target_missing.deny) == 1 with input as hpa("StatefulSet", "web")
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_target_present_passes if {
	count(hpa_target_missing.deny) == 0 with input as hpa("Deployment", "web")
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_silent_without_complete if {
	count(hpa_target_missing.deny) == 0 with input as hpa("Deployment", "api") with data.kubeward.inventory as inv
}

test_malformed_reference_is_ignored if {
	count(hpa_target_missing.deny) == 0 with input as {"kind": "HorizontalPodAutoscaler", "spec": {"scaleTargetRef": "web"}}
		with data.kubeward.run.assumeComplete as true
	count(hpa_target_missing.deny) == 0 with input as {"kind": "Deployment", "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "x"}}}
		with data.kubeward.run.assumeComplete as true
}
