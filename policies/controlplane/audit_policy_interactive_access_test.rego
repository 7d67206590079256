package kubeward.rules.controlplane.audit_policy_interactive_access_test

import data.kubeward.rules.controlplane.audit_policy_interactive_access

policy(rules) := {"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": rules}

test_none_for_exec_fires if {
	audit_policy_interactive_access.deny == {
		{
			"msg": "audit Policy rules[0] sets level None for every pods/exec request, so that access is not audited; record it at level Metadata.",
			"path": ["rules", 0, "level"],
		},
		{
			"msg": "audit Policy rules[0] sets level None for every pods/attach request, so that access is not audited; record it at level Metadata.",
			"path": ["rules", 0, "level"],
		},
	} with input as policy([
		{"level": "None", "resources": [{"group": "", "resources": ["pods/exec", "pods/attach"]}]},
		{"level": "Metadata"},
	])
}

test_unmatched_fires if {
	audit_policy_interactive_access.deny == {{
		"msg": "audit Policy has no rule that matches services/proxy, so that access is not audited; record it at level Metadata or add a catch-all rule.",
		"path": ["rules"],
	}} with input as policy([{"level": "Metadata", "resources": [{"group": "", "resources": ["pods/*", "secrets"]}]}])
	count(audit_policy_interactive_access.deny) == 5 with input as policy([{"level": "Metadata", "resources": [{"group": "", "resources": ["pods"]}]}])
}

test_conditional_match_counts_as_a_match if {
	count(audit_policy_interactive_access.deny) == 0 with input as policy([{"level": "Metadata", "verbs": ["create", "get"], "resources": [{"group": "", "resources": ["*/proxy", "pods/exec", "pods/attach", "pods/portforward"]}]}])
}

test_caught_at_metadata_passes if {
	count(audit_policy_interactive_access.deny) == 0 with input as policy([{"level": "None", "users": ["system:kube-proxy"]}, {"level": "Metadata"}])
	count(audit_policy_interactive_access.deny) == 0 with input as policy([
		{"level": "None", "users": ["admin"], "resources": [{"group": "", "resources": ["pods/exec"]}]},
		{"level": "RequestResponse", "resources": [{"group": "", "resources": ["pods/*", "services/proxy"]}]},
	])
}

test_nothing_recorded_is_cp043s if {
	count(audit_policy_interactive_access.deny) == 0 with input as policy([{"level": "None"}])
	count(audit_policy_interactive_access.deny) == 0 with input as policy([])
}
