package kubeward.rules.controlplane.audit_policy_no_catch_all_test

import data.kubeward.rules.controlplane.audit_policy_no_catch_all

policy(rules) := {"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": rules}

test_no_catch_all_fires if {
	audit_policy_no_catch_all.deny == {{
		"msg": "audit Policy has no rule without selectors at level Metadata or above, so requests that match no rule are not audited; end the rules with a catch-all rule at level Metadata.",
		"path": ["rules"],
	}} with input as policy([
		{"level": "Metadata", "resources": [{"group": "", "resources": ["secrets"]}]},
		{"level": "Request", "verbs": ["create"]},
		{"level": "None"},
	])
}

test_catch_all_passes if {
	count(audit_policy_no_catch_all.deny) == 0 with input as policy([{"level": "None", "users": ["system:kube-proxy"]}, {"level": "Metadata"}])
	count(audit_policy_no_catch_all.deny) == 0 with input as policy([{"level": "RequestResponse", "users": [], "omitStages": ["RequestReceived"]}])
}

test_nothing_recorded_is_cp043s if {
	count(audit_policy_no_catch_all.deny) == 0 with input as policy([])
	count(audit_policy_no_catch_all.deny) == 0 with input as policy([{"level": "None"}])
}
