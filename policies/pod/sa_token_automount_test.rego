package kubeward.rules.pod.sa_token_automount_test

import data.kubeward.rules.pod.sa_token_automount as rule

inv := {"namespaced": {"shop": {"ServiceAccount": {
	"web": {"kind": "ServiceAccount", "metadata": {"name": "web", "namespace": "shop"}},
	"default": {"kind": "ServiceAccount", "metadata": {"name": "default", "namespace": "shop"}, "automountServiceAccountToken": false},
}}}}

test_explicit_true_in_deployment if {
	got := rule.deny with input as {"kind": "Deployment", "metadata": {"namespace": "shop"}, "spec": {"template": {"spec": {
		"serviceAccountName": "web",
		"automountServiceAccountToken": true,
		"containers": [{"name": "app"}],
	}}}}
		with data.kubeward.inventory as inv
	got == {{
		"msg": "the pod sets automountServiceAccountToken=true; set it to false unless the pod calls the Kubernetes API.",
		"path": ["spec", "template", "spec", "automountServiceAccountToken"],
	}}
}

test_unset_and_sa_not_in_inventory if {
	got := rule.deny with input as {"kind": "CronJob", "metadata": {"namespace": "shop"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"serviceAccountName": "batch"}}}}}}
		with data.kubeward.inventory as inv
	got == {{
		"msg": "the pod does not set automountServiceAccountToken (default: true) and its ServiceAccount \"batch\" is not in the inventory of namespace \"shop\"; set it to false unless the pod calls the Kubernetes API.",
		"path": ["spec", "jobTemplate", "spec", "template", "spec", "automountServiceAccountToken"],
	}}
}

test_unset_default_sa_without_inventory if {
	# Not an [AC] row: it fires without assumeComplete.
	got := rule.deny with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
	{f.msg | some f in got} == {"the pod does not set automountServiceAccountToken (default: true) and its ServiceAccount \"default\" is not in the inventory of namespace \"default\"; set it to false unless the pod calls the Kubernetes API."}
}

test_sa_in_other_namespace_does_not_count if {
	got := rule.deny with input as {"kind": "Pod", "metadata": {"namespace": "other"}, "spec": {"serviceAccountName": "web"}}
		with data.kubeward.inventory as inv
	{f.path | some f in got} == {["spec", "automountServiceAccountToken"]}
}

test_pod_sets_false_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"automountServiceAccountToken": false, "serviceAccountName": "missing"}}
}

test_unset_and_sa_in_inventory_passes if {
	# SEC-011 reports the ServiceAccount once, whatever its own setting.
	count(rule.deny) == 0 with input as {"kind": "Pod", "metadata": {"namespace": "shop"}, "spec": {"serviceAccountName": "web"}}
		with data.kubeward.inventory as inv
	count(rule.deny) == 0 with input as {"kind": "Pod", "metadata": {"namespace": "shop"}, "spec": {"serviceAccount": "web"}}
		with data.kubeward.inventory as inv
	count(rule.deny) == 0 with input as {"kind": "Pod", "metadata": {"namespace": "shop"}, "spec": {}}
		with data.kubeward.inventory as inv
}

test_non_pod_kind_ignored if {
	count(rule.deny) == 0 with input as {"kind": "Service", "spec": {}}
}

test_wrong_types_do_not_error if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "metadata": {"namespace": "shop"}, "spec": {"automountServiceAccountToken": "yes", "serviceAccountName": "web"}}
		with data.kubeward.inventory as inv
	count(rule.deny) == 1 with input as {"kind": "Pod", "spec": {"serviceAccountName": ["x"]}}
}

etcd(labels) := {"kind": "Pod", "metadata": {"name": "etcd", "namespace": "kube-system", "labels": labels}, "spec": {"containers": [{"name": "etcd"}]}}

test_static_control_plane_pod_passes if {
	# the kubelet mounts no token into a static pod
	count(rule.deny) == 0 with input as etcd({"component": "etcd", "tier": "control-plane"}) with data.kubeward.inventory as inv
	count(rule.deny) == 0 with input as object.union(etcd({"tier": "control-plane"}), {"spec": {"automountServiceAccountToken": true}})
		with data.kubeward.inventory as inv
}

test_kube_system_pod_of_another_tier_still_fires if {
	got := rule.deny with input as etcd({"component": "etcd"}) with data.kubeward.inventory as inv
	got == {{
		"msg": "the pod does not set automountServiceAccountToken (default: true) and its ServiceAccount \"default\" is not in the inventory of namespace \"kube-system\"; set it to false unless the pod calls the Kubernetes API.",
		"path": ["spec", "automountServiceAccountToken"],
	}}
}
