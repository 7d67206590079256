package kubeward.lib.replicas_test

import data.kubeward.lib.replicas

deployment(name, n) := {"kind": "Deployment", "metadata": {"name": name, "namespace": "shop"}, "spec": {"replicas": n}}

hpa(target, spec) := object.union({"scaleTargetRef": {"kind": "Deployment", "name": target}}, spec)

inv := {"namespaced": {"shop": {"HorizontalPodAutoscaler": {
	"web": {"spec": hpa("web", {"minReplicas": 2, "maxReplicas": 10})},
	"api": {"spec": hpa("api", {"maxReplicas": 5})},
	"bad": {"spec": hpa("bad", {"minReplicas": "2"})},
	"two-a": {"spec": hpa("two", {"minReplicas": 3})},
	"two-b": {"spec": hpa("two", {"minReplicas": 2})},
}}}}

test_floor_with_an_hpa_is_its_min_replicas if {
	replicas.floor(deployment("web", null)) == 2 with data.kubeward.inventory as inv
	replicas.floor(deployment("api", 4)) == 1 with data.kubeward.inventory as inv
	replicas.floor(deployment("two", 1)) == 2 with data.kubeward.inventory as inv
}

test_floor_without_an_hpa_is_spec_replicas if {
	replicas.floor(deployment("db", 3)) == 3 with data.kubeward.inventory as inv
	replicas.floor(deployment("db", null)) == 1 with data.kubeward.inventory as inv
	not replicas.floor(deployment("db", "3")) with data.kubeward.inventory as inv
}

test_floor_undefined_for_a_bad_min_replicas if {
	not replicas.floor(deployment("bad", 3)) with data.kubeward.inventory as inv
}
