# METADATA
# title: Non-default capabilities added
# description: |
#   Linux capabilities split root's power into pieces; adding ones outside the
#   container runtime's default set (such as SYS_ADMIN, NET_ADMIN or NET_RAW)
#   hands a container powers that ease escaping to the node or attacking its
#   neighbours. Pod Security Standards forbid them at the baseline level.
# custom:
#   id: KW-PSS-002
#   severity: high
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, cis, nsa]
#   remediation: Remove the capability from securityContext.capabilities.add; only the runtime's default capabilities may be added.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA capabilities_baseline
#     - CIS 5.2.9
#     - KSV-0022
#     - KS C-0046
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: vpn
#     spec:
#       selector:
#         matchLabels: {app: vpn}
#       template:
#         metadata:
#           labels: {app: vpn}
#         spec:
#           containers:
#             - name: app
#               image: registry.example.com/vpn:3.2.0
#               securityContext:
#                 capabilities:
#                   add: [NET_ADMIN]
package kubeward.rules.pss.capabilities_baseline

import data.kubeward.lib.pss

# The container runtime's default capabilities (PSA capabilities_allowed_1_0).
_allowed := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

deny contains {
	"msg": sprintf(
		"container %q adds capability %s in securityContext.capabilities.add; remove it (only the runtime's default capabilities are allowed).",
		[x.container.name, pss.quote(x.value)],
	),
	"path": x.path,
} if {
	some x in pss.added_capabilities
	not x.value in _allowed
}
