package kubeward.rules.workload.no_priority_class_test

import data.kubeward.rules.workload.no_priority_class

test_unset_in_cronjob if {
	got := no_priority_class.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}}}
	got == {{
		"msg": "the pod does not set priorityClassName (default: the cluster's global default priority); set it to a PriorityClass.",
		"path": ["spec", "jobTemplate", "spec", "template", "spec", "priorityClassName"],
	}}
}

test_unset_or_empty_in_pod if {
	{f.path | some f in no_priority_class.deny} == {["spec", "priorityClassName"]} with input as {"kind": "Pod", "spec": {}}
	count(no_priority_class.deny) == 1 with input as {"kind": "Pod", "spec": {"priorityClassName": ""}}
	count(no_priority_class.deny) == 1 with input as {"kind": "Deployment"}
}

test_set_passes if {
	count(no_priority_class.deny) == 0 with input as {"kind": "Pod", "spec": {"priorityClassName": "high"}}
	count(no_priority_class.deny) == 0 with input as {"kind": "StatefulSet", "spec": {"template": {"spec": {"priorityClassName": "system-cluster-critical"}}}}
}

test_pod_template_and_other_kinds_pass if {
	count(no_priority_class.deny) == 0 with input as {"kind": "PodTemplate", "template": {"spec": {}}}
	count(no_priority_class.deny) == 0 with input as {"kind": "Service", "spec": {}}
}
