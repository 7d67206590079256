package kubeward.rules.pod.deprecated_service_account_test

import data.kubeward.rules.pod.deprecated_service_account as rule

test_deprecated_field_in_statefulset if {
	got := rule.deny with input as {"kind": "StatefulSet", "spec": {"template": {"spec": {"serviceAccount": "db", "serviceAccountName": "db"}}}}
	got == {{
		"msg": "the pod sets the deprecated serviceAccount=\"db\"; set serviceAccountName instead and remove serviceAccount.",
		"path": ["spec", "template", "spec", "serviceAccount"],
	}}
}

test_deprecated_field_in_pod if {
	got := rule.deny with input as {"kind": "Pod", "spec": {"serviceAccount": "web"}}
	{f.path | some f in got} == {["spec", "serviceAccount"]}
}

test_only_service_account_name_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"serviceAccountName": "web"}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"serviceAccount": ""}}
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"serviceAccount": null}}
	count(rule.deny) == 0 with input as {"kind": "Pod"}
}

test_wrong_type_reported_as_found if {
	got := rule.deny with input as {"kind": "Pod", "spec": {"serviceAccount": 5}}
	{f.msg | some f in got} == {"the pod sets the deprecated serviceAccount=5; set serviceAccountName instead and remove serviceAccount."}
}
