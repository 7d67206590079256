# METADATA
# title: Privilege escalation allowed
# description: |
#   Unless allowPrivilegeEscalation is false, a process in the container can
#   gain more privileges than its parent, for example through set-user-ID
#   binaries, which turns a foothold into root in the container. Pod Security
#   Standards require it to be false at the restricted level.
# custom:
#   id: KW-PSS-013
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-restricted, cis, nsa]
#   remediation: Set securityContext.allowPrivilegeEscalation to false on every container.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA allowPrivilegeEscalation
#     - CIS 5.2.6
#     - KSV-0001
#     - KL privilege-escalation-container
#     - PO privilegeEscalationAllowed
#     - KS C-0016
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: web
#     spec:
#       selector:
#         matchLabels: {app: web}
#       template:
#         metadata:
#           labels: {app: web}
#         spec:
#           containers:
#             - name: app
#               image: registry.example.com/web:1.4.2
package kubeward.rules.pss.allow_privilege_escalation

import data.kubeward.lib.pods
import data.kubeward.lib.pss

deny contains {
	"msg": _msg(c, sc),
	"path": pods.sc_path(c, "allowPrivilegeEscalation"),
} if {
	# PSA exempts Windows pods (v1.25+): the field does not apply there.
	not pods.is_windows
	some c in pods.containers
	sc := pods.sc(c)
	not sc.allowPrivilegeEscalation == false
}

_msg(c, sc) := sprintf(
	"container %q sets securityContext.allowPrivilegeEscalation=%s; set it to false.",
	[c.name, pss.quote(sc.allowPrivilegeEscalation)],
) if {
	pss.is_set(sc, "allowPrivilegeEscalation")
} else := sprintf(
	"container %q does not set securityContext.allowPrivilegeEscalation (default: allowed); set it to false.",
	[c.name],
)
