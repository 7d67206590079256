package kubeward.rules.workload.selector_mismatch_test

import data.kubeward.rules.workload.selector_mismatch

workload(kind, selector, labels) := {
	"kind": kind,
	"metadata": {"name": "web"},
	"spec": {"selector": selector, "template": {"metadata": {"labels": labels}}},
}

test_deployment_selector_mismatch if {
	got := selector_mismatch.deny with input as workload("Deployment", {"matchLabels": {"app": "web"}}, {"app": "api"})
	got == {{
		"msg": "Deployment \"web\" has a spec.selector that does not select the labels of its pod template (spec.template.metadata.labels); make them match.",
		"path": ["spec", "selector"],
	}}
}

# apps/v1 requires the selector: its absence is KW-SCH-003's finding, which
# this rule must not repeat.
test_label_selector_kinds_without_selector_left_to_schema if {
	every kind in {"Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"} {
		count(selector_mismatch.deny) == 0 with input as {"kind": kind, "metadata": {"name": "db"}, "spec": {"template": {"metadata": {"labels": {"app": "db"}}}}}
		count(selector_mismatch.deny) == 0 with input as workload(kind, null, {"app": "db"})
	}
}

test_expression_mismatch_in_every_label_selector_kind if {
	sel := {"matchExpressions": [{"key": "tier", "operator": "Exists"}]}
	every kind in ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"] {
		count(selector_mismatch.deny) == 1 with input as workload(kind, sel, {"app": "web"})
		count(selector_mismatch.deny) == 0 with input as workload(kind, sel, {"tier": "fe"})
	}
}

test_template_without_labels if {
	count(selector_mismatch.deny) == 1 with input as {"kind": "DaemonSet", "spec": {"selector": {"matchLabels": {"app": "x"}}, "template": {"spec": {}}}}
}

test_replication_controller_map_not_subset if {
	got := selector_mismatch.deny with input as workload("ReplicationController", {"app": "web", "tier": "fe"}, {"app": "web"})
	{f.msg | some f in got} == {"ReplicationController \"web\" has a spec.selector that does not select the labels of its pod template (spec.template.metadata.labels); make them match."}
}

test_replication_controller_subset_or_unset_passes if {
	count(selector_mismatch.deny) == 0 with input as workload("ReplicationController", {"app": "web"}, {"app": "web", "tier": "fe"})
	count(selector_mismatch.deny) == 0 with input as workload("ReplicationController", null, {"app": "web"})
	count(selector_mismatch.deny) == 0 with input as workload("ReplicationController", {}, {"app": "web"})
}

test_job_manual_selector_mismatch if {
	job := {"kind": "Job", "metadata": {"name": "j"}, "spec": {"manualSelector": true, "selector": {"matchLabels": {"job": "x"}}, "template": {"metadata": {"labels": {"job": "y"}}}}}
	{f.path | some f in selector_mismatch.deny} == {["spec", "selector"]} with input as job
}

test_job_without_manual_selector_passes if {
	count(selector_mismatch.deny) == 0 with input as {"kind": "Job", "spec": {"selector": {"matchLabels": {"job": "x"}}, "template": {"metadata": {"labels": {"job": "y"}}}}}
	count(selector_mismatch.deny) == 0 with input as {"kind": "Job", "spec": {"manualSelector": true, "template": {"metadata": {"labels": {"job": "y"}}}}}
}

test_matching_selectors_pass if {
	count(selector_mismatch.deny) == 0 with input as workload("Deployment", {"matchLabels": {"app": "web"}}, {"app": "web", "v": "1"})
	count(selector_mismatch.deny) == 0 with input as {"kind": "Job", "spec": {"manualSelector": true, "selector": {"matchLabels": {"job": "x"}}, "template": {"metadata": {"labels": {"job": "x"}}}}}
}

test_other_kinds_pass if {
	count(selector_mismatch.deny) == 0 with input as {"kind": "Service", "spec": {"selector": {"app": "x"}}}
	count(selector_mismatch.deny) == 0 with input as {"kind": "CronJob", "spec": {}}
}
