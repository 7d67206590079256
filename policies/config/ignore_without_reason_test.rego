package kubeward.rules.config.ignore_without_reason_test

import data.kubeward.rules.config.ignore_without_reason

test_ignore_without_reason if {
	got := ignore_without_reason.deny with input as {"kind": "ConfigMap", "metadata": {"name": "x", "annotations": {"kubeward.io/ignore": "KW-SEC-001"}}}
	got == {{
		"msg": "the object sets kubeward.io/ignore=\"KW-SEC-001\" without kubeward.io/ignore-reason; the ignore suppresses nothing until a reason is given.",
		"path": ["metadata", "annotations", "kubeward.io/ignore"],
	}}
}

test_blank_reason_is_no_reason if {
	got := ignore_without_reason.deny with input as {"kind": "ConfigMap", "metadata": {"name": "x", "annotations": {"kubeward.io/ignore": "KW-SEC-001", "kubeward.io/ignore-reason": "  "}}}
	count(got) == 1
}

test_pod_template_of_cronjob if {
	got := ignore_without_reason.deny with input as {"kind": "CronJob", "metadata": {"name": "x"}, "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"annotations": {"kubeward.io/ignore": "KW-PSS-007"}}}}}}}
	got == {{
		"msg": "the pod template sets kubeward.io/ignore=\"KW-PSS-007\" without kubeward.io/ignore-reason; the ignore suppresses nothing until a reason is given.",
		"path": ["spec", "jobTemplate", "spec", "template", "metadata", "annotations", "kubeward.io/ignore"],
	}}
}

test_with_reason_is_silent if {
	count(ignore_without_reason.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "x"}, "spec": {"template": {"metadata": {"annotations": {"kubeward.io/ignore": "KW-PSS-007", "kubeward.io/ignore-reason": "node agent"}}}}}
}

test_reason_on_the_other_level_does_not_count if {
	got := ignore_without_reason.deny with input as {"kind": "Deployment", "metadata": {"name": "x", "annotations": {"kubeward.io/ignore-reason": "why"}}, "spec": {"template": {"metadata": {"annotations": {"kubeward.io/ignore": "KW-PSS-007"}}}}}
	{f.path | some f in got} == {["spec", "template", "metadata", "annotations", "kubeward.io/ignore"]}
}

test_no_annotations_is_silent if {
	count(ignore_without_reason.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "x"}, "spec": {}}
}

test_empty_ignore_is_silent if {
	count(ignore_without_reason.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "x", "annotations": {"kubeward.io/ignore": ""}}}
}

test_both_levels_without_reason if {
	got := ignore_without_reason.deny with input as {"kind": "Deployment", "metadata": {"name": "x", "annotations": {"kubeward.io/ignore": "KW-WRK-001"}}, "spec": {"template": {"metadata": {"annotations": {"kubeward.io/ignore": "KW-PSS-007"}}}}}
	{f.path | some f in got} == {["metadata", "annotations", "kubeward.io/ignore"], ["spec", "template", "metadata", "annotations", "kubeward.io/ignore"]}
}

test_annotations_of_the_wrong_type_are_silent if {
	count(ignore_without_reason.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "x", "annotations": "kubeward.io/ignore"}, "spec": {"template": {"metadata": "oops"}}}
}
