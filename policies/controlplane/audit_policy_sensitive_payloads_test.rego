package kubeward.rules.controlplane.audit_policy_sensitive_payloads_test

import data.kubeward.rules.controlplane.audit_policy_sensitive_payloads

policy(rules) := {"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": rules}

test_request_response_for_secrets_fires if {
	audit_policy_sensitive_payloads.deny == {{
		"msg": "audit Policy rules[0] records secrets at level RequestResponse, which writes Secret data and bearer tokens to the audit log; record them at level Metadata in an earlier rule.",
		"path": ["rules", 0, "level"],
	}} with input as policy([
		{"level": "RequestResponse", "resources": [{"group": "", "resources": ["secrets"]}]},
		{"level": "Metadata"},
	])
}

test_catch_all_at_request_fires_for_all_three if {
	audit_policy_sensitive_payloads.deny == {{
		"msg": "audit Policy rules[1] records secrets, configmaps, tokenreviews at level Request, which writes Secret data and bearer tokens to the audit log; record them at level Metadata in an earlier rule.",
		"path": ["rules", 1, "level"],
	}} with input as policy([{"level": "None", "users": ["system:kube-proxy"]}, {"level": "Request"}])
}

test_conditional_rules_before_are_reached if {
	got := audit_policy_sensitive_payloads.deny with input as policy([
		{"level": "Request", "verbs": ["create"], "resources": [{"group": "", "resources": ["configmaps"]}]},
		{"level": "Metadata", "resources": [{"group": "", "resources": ["secrets", "configmaps"]}]},
		{"level": "RequestResponse", "resources": [{"group": "authentication.k8s.io", "resources": ["*"]}]},
		{"level": "Metadata"},
	])
	{f.path | some f in got} == {["rules", 0, "level"], ["rules", 2, "level"]}
}

test_metadata_first_passes if {
	count(audit_policy_sensitive_payloads.deny) == 0 with input as policy([
		{"level": "Metadata", "resources": [{"group": "", "resources": ["secrets", "configmaps"]}, {"group": "authentication.k8s.io", "resources": ["tokenreviews"]}]},
		{"level": "RequestResponse"},
	])
	count(audit_policy_sensitive_payloads.deny) == 0 with input as policy([{"level": "RequestResponse", "resources": [{"group": "", "resources": ["pods"]}]}, {"level": "Metadata"}])
	count(audit_policy_sensitive_payloads.deny) == 0 with input as policy([{"level": "None", "resources": [{"group": "", "resources": ["secrets", "configmaps"]}, {"group": "authentication.k8s.io"}]}, {"level": "Request"}])
}
