package kubeward.rules.pod.share_process_namespace_test

import data.kubeward.rules.pod.share_process_namespace as rule

test_shared_in_job if {
	got := rule.deny with input as {"kind": "Job", "spec": {"template": {"spec": {"shareProcessNamespace": true}}}}
	got == {{
		"msg": "the pod sets shareProcessNamespace=true; remove it or set it to false.",
		"path": ["spec", "template", "spec", "shareProcessNamespace"],
	}}
}

test_shared_in_pod_template if {
	got := rule.deny with input as {"kind": "PodTemplate", "template": {"spec": {"shareProcessNamespace": true}}}
	{f.path | some f in got} == {["template", "spec", "shareProcessNamespace"]}
}

test_unset_or_false_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"shareProcessNamespace": false}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"shareProcessNamespace": "true"}}
}
