# METADATA
# title: Audit RequestReceived stage not omitted
# description: |
#   The API server can write an audit event at each stage of a request. Unless
#   the RequestReceived stage is omitted, every audited request is logged at
#   least twice (when received and when answered), which doubles the audit
#   volume and its cost without adding information.
# custom:
#   id: KW-CP-047
#   severity: info
#   kinds: [Policy]
#   profiles: [cis]
#   remediation: "Add omitStages: [RequestReceived] at the top of the audit Policy."
#   references:
#     - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#audit-policy
#   example: |
#     apiVersion: audit.k8s.io/v1
#     kind: Policy
#     rules:
#       - level: Metadata
package kubeward.rules.controlplane.audit_policy_request_received

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("audit Policy does not omit the RequestReceived stage (omitStages) and rules[%d] does not either, so each request is logged twice; add omitStages: [RequestReceived].", [logging[0]]),
	"path": ["omitStages"],
} if {
	cp.is_audit_policy(input)
	not _omits(input)
	logging := [x.index |
		some x in cp.audit_rules(input)
		cp.audit_level(x.rule) != "None"
		not _omits(x.rule)
	]
	count(logging) > 0
}

_omits(obj) if {
	stages := obj.omitStages
	is_array(stages)
	"RequestReceived" in stages
}
