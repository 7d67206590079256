package kubeward.rules.workload.service_account_missing_test

import data.kubeward.rules.workload.service_account_missing

inv := {"namespaced": {"shop": {"ServiceAccount": {"web": {"kind": "ServiceAccount", "metadata": {"name": "web", "namespace": "shop"}}}}}}

deployment(pod_spec) := {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"spec": pod_spec}}}

complete(obj) := got if {
	got := service_account_missing.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_missing_service_account_in_deployment if {
	complete(deployment({"serviceAccountName": "builder"})) == {{
		"msg": "the pod's serviceAccountName names ServiceAccount \"builder\", which is not in namespace \"shop\"; create it or name one that exists.",
		"path": ["spec", "template", "spec", "serviceAccountName"],
	}}
}

test_deprecated_field if {
	got := complete({"kind": "Pod", "metadata": {"namespace": "shop"}, "spec": {"serviceAccount": "old"}})
	got == {{
		"msg": "the pod's serviceAccount names ServiceAccount \"old\", which is not in namespace \"shop\"; create it or name one that exists.",
		"path": ["spec", "serviceAccount"],
	}}
}

test_other_namespace_does_not_count if {
	got := complete({"kind": "CronJob", "metadata": {"namespace": "other"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"serviceAccountName": "web"}}}}}})
	{f.path | some f in got} == {["spec", "jobTemplate", "spec", "template", "spec", "serviceAccountName"]}
}

test_present_service_account_passes if {
	count(complete(deployment({"serviceAccountName": "web"}))) == 0
	count(complete(deployment({"serviceAccount": "web"}))) == 0
}

test_default_service_account_passes if {
	count(complete(deployment({}))) == 0
	count(complete(deployment({"serviceAccountName": ""}))) == 0
	count(complete(deployment({"serviceAccountName": "default"}))) == 0
}

test_silent_without_complete if {
	count(service_account_missing.deny) == 0 with input as deployment({"serviceAccountName": "builder"})
}

test_other_kinds_pass if {
	count(complete({"kind": "Service", "spec": {"serviceAccountName": "x"}})) == 0
}
