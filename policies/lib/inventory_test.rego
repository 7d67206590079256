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
	{[o.kind, o.name, o.labels] | some o in owners} == {["Deployment", "web", {"app": "web"}]}
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
