# METADATA
# title: Audit policy has no catch-all
# description: |
#   The API server audits a request at the level of the first rule that matches
#   it, and not at all when none does. Without a last rule free of selectors at
#   level Metadata or above, requests nobody thought of (new resources, CRDs,
#   unusual verbs) are never audited. When the policy records nothing at all,
#   CP-043 reports it instead.
# custom:
#   id: KW-CP-044
#   severity: low
#   kinds: [Policy]
#   profiles: [cis]
#   remediation: "End the rules with a catch-all rule: - level: Metadata (no users, verbs, resources or other selectors)."
#   references:
#     - CIS 3.2.2
#     - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#audit-policy
#   example: |
#     apiVersion: audit.k8s.io/v1
#     kind: Policy
#     omitStages: [RequestReceived]
#     rules:
#       - level: Metadata
#         resources:
#           - group: ""
#             resources: [secrets, configmaps]
#       - level: Request
#         verbs: [create, update, patch, delete]
package kubeward.rules.controlplane.audit_policy_no_catch_all

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "audit Policy has no rule without selectors at level Metadata or above, so requests that match no rule are not audited; end the rules with a catch-all rule at level Metadata.",
	"path": ["rules"],
} if {
	cp.is_audit_policy(input)
	not cp.audit_records_nothing(input)
	not _catch_all
}

_catch_all if {
	some x in cp.audit_rules(input)
	cp.audit_selector_free(x.rule)
	cp.audit_level(x.rule) in {"Metadata", "Request", "RequestResponse"}
}
