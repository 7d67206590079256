# METADATA
# title: Sensitive payloads written to audit log
# description: |
#   At level Request or RequestResponse the audit log holds request and response
#   bodies: the data of every Secret and ConfigMap read or written, and the
#   bearer token of every TokenReview. The audit log then becomes a copy of the
#   cluster's credentials, kept far longer and read by more people than etcd.
# custom:
#   id: KW-CP-045
#   severity: high
#   kinds: [Policy]
#   profiles: [cis]
#   remediation: Add a rule at level Metadata for secrets, configmaps and tokenreviews before any rule that logs bodies.
#   references:
#     - CIS 3.2.2
#     - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#audit-policy
#   example: |
#     apiVersion: audit.k8s.io/v1
#     kind: Policy
#     omitStages: [RequestReceived]
#     rules:
#       - level: RequestResponse
#         resources:
#           - group: ""
#             resources: [secrets]
#       - level: Metadata
package kubeward.rules.controlplane.audit_policy_sensitive_payloads

import data.kubeward.lib.controlplane as cp

_targets := [
	{"group": "", "resource": "secrets", "name": "secrets"},
	{"group": "", "resource": "configmaps", "name": "configmaps"},
	{"group": "authentication.k8s.io", "resource": "tokenreviews", "name": "tokenreviews"},
]

_logged contains [m.index, t.name] if {
	cp.is_audit_policy(input)
	some t in _targets
	some m in cp.audit_reached(input, t.group, t.resource)
	cp.audit_level(m.rule) in cp.audit_payload_levels
}

deny contains {
	"msg": sprintf("audit Policy rules[%d] records %s at level %s, which writes Secret data and bearer tokens to the audit log; record them at level Metadata in an earlier rule.", [i, concat(", ", names), input.rules[i].level]),
	"path": ["rules", i, "level"],
} if {
	some i in {x[0] | some x in _logged}
	names := [t.name | some t in _targets; [i, t.name] in _logged]
}
