# METADATA
# title: Interactive access not audited
# description: |
#   exec, attach, port-forward and the pod and service proxies give a shell or a
#   network path into workloads; they are the first things an incident responder
#   looks for. A policy where no rule matches them, or where the first rule that
#   always matches them has level None, leaves no trace of that access. When the
#   policy records nothing at all, CP-043 reports it instead.
# custom:
#   id: KW-CP-046
#   severity: medium
#   kinds: [Policy]
#   profiles: [cis]
#   remediation: Record pods/exec, pods/attach, pods/portforward, pods/proxy and services/proxy at level Metadata or above (a catch-all rule at level Metadata does it).
#   references:
#     - CIS 3.2.2
#     - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#audit-policy
#   example: |
#     apiVersion: audit.k8s.io/v1
#     kind: Policy
#     omitStages: [RequestReceived]
#     rules:
#       - level: None
#         resources:
#           - group: ""
#             resources: [pods/exec, pods/attach]
#       - level: Metadata
package kubeward.rules.controlplane.audit_policy_interactive_access

import data.kubeward.lib.controlplane as cp

_targets := ["pods/exec", "pods/attach", "pods/portforward", "pods/proxy", "services/proxy"]

deny contains {
	"msg": sprintf("audit Policy has no rule that matches %s, so that access is not audited; record it at level Metadata or add a catch-all rule.", [res]),
	"path": ["rules"],
} if {
	cp.is_audit_policy(input)
	not cp.audit_records_nothing(input)
	some res in _targets
	count(cp.audit_reached(input, "", res)) == 0
}

deny contains {
	"msg": sprintf("audit Policy rules[%d] sets level None for every %s request, so that access is not audited; record it at level Metadata.", [last.index, res]),
	"path": ["rules", last.index, "level"],
} if {
	cp.is_audit_policy(input)
	not cp.audit_records_nothing(input)
	some res in _targets
	reached := cp.audit_reached(input, "", res)
	last := reached[count(reached) - 1]
	last.match == "unconditional"
	cp.audit_level(last.rule) == "None"
}
