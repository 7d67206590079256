package kubeward.rules.pod.default_service_account_test

import data.kubeward.rules.pod.default_service_account as rule

inv := {"namespaced": {
	"locked": {"ServiceAccount": {"default": {"kind": "ServiceAccount", "metadata": {"name": "default"}, "automountServiceAccountToken": false}}},
	"open": {"ServiceAccount": {"default": {"kind": "ServiceAccount", "metadata": {"name": "default"}}}},
}}

test_unset_name_in_deployment if {
	got := rule.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "app"}]}}}}
	got == {{
		"msg": "the pod does not set serviceAccountName (default: \"default\") and mounts its token; create a dedicated ServiceAccount and set serviceAccountName, or set automountServiceAccountToken to false.",
		"path": ["spec", "template", "spec", "serviceAccountName"],
	}}
}

test_explicit_default if {
	got := rule.deny with input as {"kind": "Pod", "spec": {"serviceAccountName": "default"}}
	got == {{
		"msg": "the pod sets serviceAccountName=\"default\" and mounts its token; create a dedicated ServiceAccount and set serviceAccountName, or set automountServiceAccountToken to false.",
		"path": ["spec", "serviceAccountName"],
	}}
}

test_deprecated_field_default if {
	got := rule.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"serviceAccountName": "", "serviceAccount": "default"}}}}}}
	{f.path | some f in got} == {["spec", "jobTemplate", "spec", "template", "spec", "serviceAccount"]}
}

test_explicit_automount_true_fires_even_if_sa_disables if {
	got := rule.deny with input as {"kind": "Pod", "metadata": {"namespace": "locked"}, "spec": {"automountServiceAccountToken": true}}
		with data.kubeward.inventory as inv
	count(got) == 1
}

test_default_sa_in_inventory_with_token_fires if {
	count(rule.deny) == 1 with input as {"kind": "Pod", "metadata": {"namespace": "open"}, "spec": {}}
		with data.kubeward.inventory as inv
}

test_pod_sets_automount_false_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"automountServiceAccountToken": false}}
}

test_default_sa_disabling_automount_passes if {
	# Effective automountServiceAccountToken (section 1): pod unset, the ServiceAccount's false.
	count(rule.deny) == 0 with input as {"kind": "Pod", "metadata": {"namespace": "locked"}, "spec": {}}
		with data.kubeward.inventory as inv
}

test_other_sa_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"serviceAccountName": "web"}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"serviceAccount": "web"}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"serviceAccountName": "web", "serviceAccount": "default"}}
}

test_non_pod_kind_and_wrong_types if {
	count(rule.deny) == 0 with input as {"kind": "ConfigMap", "data": {}}
	count(rule.deny) == 1 with input as {"kind": "Pod", "spec": {"serviceAccountName": 7, "automountServiceAccountToken": "no"}}
}

apiserver(labels, annotations) := {"kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system", "labels": labels, "annotations": annotations}, "spec": {"hostNetwork": true, "containers": [{"name": "kube-apiserver"}]}}

test_static_pods_pass if {
	# a static pod cannot name a ServiceAccount
	count(rule.deny) == 0 with input as apiserver({"tier": "control-plane"}, {})
	count(rule.deny) == 0 with input as apiserver({}, {"kubernetes.io/config.mirror": "9d2c"})
	count(rule.deny) == 0 with input as apiserver({}, {"kubernetes.io/config.source": "file"})
}

test_kube_system_pod_of_another_tier_still_fires if {
	{f.path | some f in rule.deny} == {["spec", "serviceAccountName"]} with input as apiserver({"tier": "frontend"}, {})
}
