package kubeward.rules.secrets.last_applied_secret_data_test

import data.kubeward.rules.secrets.last_applied_secret_data as rule

secret(applied) := {"kind": "Secret", "metadata": {"name": "db", "annotations": {"kubectl.kubernetes.io/last-applied-configuration": applied}}, "data": {"password": "aHVudGVyMg=="}}

test_data_in_annotation if {
	got := rule.deny with input as secret(json.marshal({"kind": "Secret", "data": {"password": "aHVudGVyMg=="}}))
	got == {{
		"msg": "Secret \"db\" keeps a copy of its data in annotation kubectl.kubernetes.io/last-applied-configuration; remove the annotation (kubectl apply --server-side does not write it) and rotate the values.",
		"path": ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"],
	}}
	every f in got {
		not contains(f.msg, "aHVudGVyMg")
	}
}

test_data_and_string_data_in_annotation if {
	{f.msg | some f in rule.deny} == {"Secret \"db\" keeps a copy of its data and stringData in annotation kubectl.kubernetes.io/last-applied-configuration; remove the annotation (kubectl apply --server-side does not write it) and rotate the values."} with input as secret("{\"data\":{\"a\":\"YQ==\"},\"stringData\":{\"b\":\"hunter2\"}}")
}

test_no_secret_values_in_annotation_pass if {
	count(rule.deny) == 0 with input as secret("{\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\"}}")
	count(rule.deny) == 0 with input as secret("{\"data\":{},\"stringData\":null}")
	count(rule.deny) == 0 with input as secret("{\"data\":\"x\"}")
	count(rule.deny) == 0 with input as secret("[1]")
	count(rule.deny) == 0 with input as secret("{not json")
	count(rule.deny) == 0 with input as secret(12)
}

test_annotation_absent_passes if {
	count(rule.deny) == 0 with input as {"kind": "Secret", "metadata": {"name": "db"}, "data": {"a": "YQ=="}}
	count(rule.deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{\"data\":{\"a\":\"b\"}}"}}}
}
