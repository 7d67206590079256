# METADATA
# title: Audit policy records nothing
# description: |
#   An audit Policy with no rules, or whose every rule has level None, makes the
#   API server record no audit event at all, even with a log backend configured.
#   Nobody can then tell who read a Secret or changed a binding.
# custom:
#   id: KW-CP-043
#   severity: high
#   kinds: [Policy]
#   profiles: [cis]
#   remediation: "Add rules at level Metadata or above, ending with a catch-all rule (level: Metadata with no selectors)."
#   references:
#     - CIS 3.2.1
#     - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#audit-policy
#   example: |
#     apiVersion: audit.k8s.io/v1
#     kind: Policy
#     rules:
#       - level: None
#         users: ["system:kube-proxy"]
#       - level: None
package kubeward.rules.controlplane.audit_policy_records_nothing

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "audit Policy has no rules (nothing is recorded); add rules, ending with a catch-all rule at level Metadata.",
	"path": ["rules"],
} if {
	cp.is_audit_policy(input)
	count(cp.audit_rules(input)) == 0
}

deny contains {
	"msg": "audit Policy sets level None in every rule (nothing is recorded); add rules at level Metadata or above, ending with a catch-all rule.",
	"path": ["rules"],
} if {
	cp.is_audit_policy(input)
	count(cp.audit_rules(input)) > 0
	cp.audit_records_nothing(input)
}
