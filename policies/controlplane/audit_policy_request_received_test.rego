package kubeward.rules.controlplane.audit_policy_request_received_test

import data.kubeward.rules.controlplane.audit_policy_request_received

policy(rules) := {"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": rules}

test_not_omitted_fires if {
	audit_policy_request_received.deny == {{
		"msg": "audit Policy does not omit the RequestReceived stage (omitStages) and rules[1] does not either, so each request is logged twice; add omitStages: [RequestReceived].",
		"path": ["omitStages"],
	}} with input as policy([
		{"level": "None", "users": ["system:kube-proxy"]},
		{"level": "Metadata"},
	])
	count(audit_policy_request_received.deny) == 1 with input as object.union(policy([{"level": "Metadata", "omitStages": ["RequestReceived"]}, {"level": "Request"}]), {"omitStages": ["Panic"]})
}

test_omitted_passes if {
	count(audit_policy_request_received.deny) == 0 with input as object.union(policy([{"level": "Metadata"}]), {"omitStages": ["RequestReceived"]})
	count(audit_policy_request_received.deny) == 0 with input as policy([{"level": "None"}, {"level": "Metadata", "omitStages": ["RequestReceived", "ResponseStarted"]}])
	count(audit_policy_request_received.deny) == 0 with input as policy([{"level": "None"}])
}
