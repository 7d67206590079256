package kubeward.lib.serviceaccounts_test

import data.kubeward.lib.serviceaccounts as sa

test_name_of_defaulting if {
	sa.name_of({"serviceAccountName": "web"}) == "web"
	sa.name_of({"serviceAccountName": "web", "serviceAccount": "old"}) == "web"
	sa.name_of({"serviceAccount": "old"}) == "old"
	sa.name_of({"serviceAccountName": "", "serviceAccount": "old"}) == "old"
	sa.name_of({}) == "default"
	sa.name_of({"serviceAccountName": "", "serviceAccount": ""}) == "default"
	sa.name_of({"serviceAccountName": 5}) == "default"
}

test_name_field_of if {
	sa.name_field_of({"serviceAccountName": "web", "serviceAccount": "old"}) == "serviceAccountName"
	sa.name_field_of({"serviceAccount": "old"}) == "serviceAccount"
	sa.name_field_of({}) == "serviceAccountName"
}

test_input_shorthands if {
	obj := {"kind": "Deployment", "metadata": {"namespace": "shop"}, "spec": {"template": {"spec": {"serviceAccount": "web"}}}}
	sa.name == "web" with input as obj
	sa.name_field == "serviceAccount" with input as obj
	sa.name_is_set with input as obj
	sa.name_path == ["spec", "template", "spec", "serviceAccount"] with input as obj
	sa.namespace == "shop" with input as obj
	sa.automount_path == ["spec", "template", "spec", "automountServiceAccountToken"] with input as obj
	not sa.name_is_set with input as {"kind": "Pod", "spec": {"serviceAccountName": ""}}
	sa.name_path == ["spec", "serviceAccountName"] with input as {"kind": "Pod", "spec": {}}
}

inv := {"namespaced": {"shop": {"ServiceAccount": {
	"web": {"kind": "ServiceAccount", "metadata": {"name": "web", "namespace": "shop"}, "automountServiceAccountToken": false},
	"default": {"kind": "ServiceAccount", "metadata": {"name": "default", "namespace": "shop"}},
}}}}

test_in_inventory_same_namespace_only if {
	sa.in_inventory with input as {"kind": "Pod", "metadata": {"namespace": "shop"}, "spec": {"serviceAccountName": "web"}}
		with data.kubeward.inventory as inv
	not sa.in_inventory with input as {"kind": "Pod", "metadata": {"namespace": "other"}, "spec": {"serviceAccountName": "web"}}
		with data.kubeward.inventory as inv
	not sa.in_inventory with input as {"kind": "Pod", "metadata": {"namespace": "shop"}, "spec": {"serviceAccountName": "nope"}}
		with data.kubeward.inventory as inv
}

test_automount_defaulting if {
	# pod value wins
	sa.automount_of({"automountServiceAccountToken": true, "serviceAccountName": "web"}, "shop") == true with data.kubeward.inventory as inv
	sa.automount_of({"automountServiceAccountToken": false}, "shop") == false with data.kubeward.inventory as inv

	# else the ServiceAccount's
	sa.automount_of({"serviceAccountName": "web"}, "shop") == false with data.kubeward.inventory as inv

	# else true: SA unset field, SA absent, wrong types
	sa.automount_of({}, "shop") == true with data.kubeward.inventory as inv
	sa.automount_of({"serviceAccountName": "web"}, "other") == true with data.kubeward.inventory as inv
	sa.automount_of({"automountServiceAccountToken": "no"}, "x") == true
}

test_pod_sets_automount if {
	sa.pod_sets_automount with input as {"kind": "Pod", "spec": {"automountServiceAccountToken": false}}
	not sa.pod_sets_automount with input as {"kind": "Pod", "spec": {"automountServiceAccountToken": null}}
	not sa.pod_sets_automount with input as {"kind": "Pod", "spec": {}}
	sa.automount == false with input as {"kind": "Pod", "spec": {"automountServiceAccountToken": false}}
}
