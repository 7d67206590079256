package kubeward.lib.inventory_test

import data.kubeward.lib.inventory

inv := {
	"namespaced": {
		"shop": {
			"Deployment": {"web": {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"metadata": {"labels": {"app": "web"}}}}}},
			"Secret": {"db": {"kind": "Secret", "metadata": {"name": "db"}}},
		},
		"default": {"Pod": {"p": {"kind": "Pod", "metadata": {"name": "p", "labels": {"app": "p"}}}}},
	},
	"cluster": {"Namespace": {"shop": {"kind": "Namespace", "metadata": {"name": "shop"}}}},
}

test_namespace_of if {
	inventory.namespace_of({"metadata": {"namespace": "a"}}) == "a"
	inventory.namespace_of({"metadata": {}}) == "default"
	inventory.namespace_of({"metadata": {"namespace": ""}}) == "default"
}

test_lookups if {
	inventory.has("shop", "Secret", "db") with data.kubeward.inventory as inv
	not inventory.has("shop", "Secret", "nope") with data.kubeward.inventory as inv
	inventory.get("shop", "Secret", "db").kind == "Secret" with data.kubeward.inventory as inv
	count(inventory.objects("shop", "Deployment")) == 1 with data.kubeward.inventory as inv
	inventory.objects("nowhere", "Deployment") == {} with data.kubeward.inventory as inv
	inventory.cluster_get("Namespace", "shop").kind == "Namespace" with data.kubeward.inventory as inv
	inventory.cluster_objects("ClusterRole") == {} with data.kubeward.inventory as inv
	inventory.namespaces == {"shop", "default"} with data.kubeward.inventory as inv
}

test_empty_inventory if {
	inventory.objects("a", "b") == {}
	inventory.namespaces == set()
}

test_pod_owners if {
	owners := inventory.pod_owners("shop") with data.kubeward.inventory as inv
	owners == {{"kind": "Deployment", "name": "web", "labels": {"app": "web"}}}
	owners2 := inventory.pod_owners("default") with data.kubeward.inventory as inv
	{o.labels | some o in owners2} == {{"app": "p"}}
}

test_complete if {
	inventory.complete with data.kubeward.run.assumeComplete as true
	not inventory.complete with data.kubeward.run.assumeComplete as false
	not inventory.complete
}

test_cluster_objects_present if {
	count(inventory.cluster_objects("Namespace")) == 1 with data.kubeward.inventory as inv
}

test_pod_owner_without_labels if {
	bare := {"namespaced": {"x": {"Job": {"j": {"kind": "Job", "spec": {"template": {"spec": {}}}}}}}}
	owners := inventory.pod_owners("x") with data.kubeward.inventory as bare
	{o.labels | some o in owners} == {{}}
}

many := {"namespaced": {"a": {
	"Deployment": {
		"web": {"kind": "Deployment", "spec": {"template": {"metadata": {"labels": {"app": "web", "tier": "front"}}}}},
		"api": {"kind": "Deployment", "spec": {"template": {"metadata": {"labels": {"app": "api", "tier": "back"}}}}},
	},
	"Pod": {"p": {"kind": "Pod", "metadata": {"labels": {"app": "web", "tier": "debug"}}}},
	"Service": {"s": {"kind": "Service", "metadata": {"labels": {"app": "web"}}}},
}}}

test_pods_matching_uses_labels_and_expressions if {
	got := inventory.pods_matching("a", {"matchLabels": {"app": "web"}}) with data.kubeward.inventory as many
	{x.name | some x in got} == {"web", "p"}
	got2 := inventory.pods_matching("a", {"matchLabels": {"app": "web"}, "matchExpressions": [{"key": "tier", "operator": "In", "values": ["front"]}]}) with data.kubeward.inventory as many
	{x.name | some x in got2} == {"web"}
	got3 := inventory.pods_matching("a", {"matchExpressions": [{"key": "tier", "operator": "Exists"}]}) with data.kubeward.inventory as many
	{x.name | some x in got3} == {"web", "api", "p"}
	got4 := inventory.pods_matching("a", {}) with data.kubeward.inventory as many
	count(got4) == 3
	inventory.pods_matching("a", {"matchLabels": {"app": "nope"}}) == set() with data.kubeward.inventory as many
	inventory.pods_matching("elsewhere", {}) == set() with data.kubeward.inventory as many
}

test_pods_matching_map if {
	got := inventory.pods_matching_map("a", {"app": "api"}) with data.kubeward.inventory as many
	{x.name | some x in got} == {"api"}
	got2 := inventory.pods_matching_map("a", {"app": "web", "tier": "debug"}) with data.kubeward.inventory as many
	{x.name | some x in got2} == {"p"}
}

test_engine_built_index_is_used if {
	index := {"pods": {"a": [{"kind": "Pod", "name": "from-index", "labels": {"x": "1"}}]}, "podsByLabel": {["a", "x=1"]: [{"kind": "Pod", "name": "from-index", "labels": {"x": "1"}}]}}
	got := inventory.pods_matching("a", {"matchLabels": {"x": "1"}}) with data.kubeward.inventory as many with data.kubeward.index as index
	{x.name | some x in got} == {"from-index"}
}

test_label_values_of_other_types if {
	odd := {"namespaced": {"a": {"Pod": {"p": {"kind": "Pod", "metadata": {"labels": {"n": 1}}}}}}}
	got := inventory.pods_matching_map("a", {"n": 1}) with data.kubeward.inventory as odd
	{x.name | some x in got} == {"p"}
}
