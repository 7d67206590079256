package kubeward.rules.controlplane.audit_policy_records_nothing_test

import data.kubeward.rules.controlplane.audit_policy_records_nothing

policy(rules) := {"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": rules}

test_no_rules_fires if {
	audit_policy_records_nothing.deny == {{
		"msg": "audit Policy has no rules (nothing is recorded); add rules, ending with a catch-all rule at level Metadata.",
		"path": ["rules"],
	}} with input as {"apiVersion": "audit.k8s.io/v1", "kind": "Policy"}
	count(audit_policy_records_nothing.deny) == 1 with input as policy([])
	count(audit_policy_records_nothing.deny) == 1 with input as policy(["Metadata"])
}

test_every_rule_none_fires if {
	audit_policy_records_nothing.deny == {{
		"msg": "audit Policy sets level None in every rule (nothing is recorded); add rules at level Metadata or above, ending with a catch-all rule.",
		"path": ["rules"],
	}} with input as policy([{"level": "None", "users": ["system:kube-proxy"]}, {"level": "None"}])
}

test_a_recording_rule_passes if {
	count(audit_policy_records_nothing.deny) == 0 with input as policy([{"level": "None", "users": ["system:kube-proxy"]}, {"level": "Metadata"}])
	count(audit_policy_records_nothing.deny) == 0 with input as policy([{"level": "RequestResponse", "resources": [{"group": "rbac.authorization.k8s.io"}]}])
}

test_other_policy_kinds_pass if {
	count(audit_policy_records_nothing.deny) == 0 with input as {"apiVersion": "kyverno.io/v1", "kind": "Policy", "spec": {"rules": []}}
}
