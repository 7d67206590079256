# METADATA
# title: Capabilities not restricted
# description: |
#   Linux capabilities split root's power into pieces, and a container gets the
#   runtime's default set unless it drops them. Pod Security Standards at the
#   restricted level require every container to drop ALL capabilities and to
#   add back at most NET_BIND_SERVICE.
# custom:
#   id: KW-PSS-014
#   severity: high
#   kinds: [pod-kinds]
#   profiles: [pss-restricted, cis, nsa]
#   overrides: [KW-PSS-002]
#   remediation: Set securityContext.capabilities.drop to ["ALL"] on every container and add back at most NET_BIND_SERVICE.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA capabilities_restricted
#     - CIS 5.2.8
#     - CIS 5.2.9
#     - KSV-0003
#     - KSV-0106
#     - PO insecureCapabilities
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
#               securityContext:
#                 capabilities:
#                   drop: [NET_RAW]
package kubeward.rules.pss.capabilities_restricted

import data.kubeward.lib.pods
import data.kubeward.lib.pss

# A container that does not drop ALL (PSA exempts Windows pods, v1.25+).
deny contains {
	"msg": _drop_msg(c, caps),
	"path": array.concat(pods.sc_path(c, "capabilities"), ["drop"]),
} if {
	not pods.is_windows
	some c in pods.containers
	caps := _capabilities(c)
	not _drops_all(caps)
}

# A container that adds anything but NET_BIND_SERVICE.
deny contains {
	"msg": sprintf(
		"container %q adds capability %s in securityContext.capabilities.add; remove it (only NET_BIND_SERVICE is allowed).",
		[x.container.name, pss.quote(x.value)],
	),
	"path": x.path,
} if {
	not pods.is_windows
	some x in pss.added_capabilities
	x.value != "NET_BIND_SERVICE"
}

_capabilities(c) := caps if {
	caps := pods.sc(c).capabilities
	is_object(caps)
} else := {}

_drops_all(caps) if {
	is_array(caps.drop)
	"ALL" in caps.drop
}

_drop_msg(c, caps) := sprintf(
	"container %q sets securityContext.capabilities.drop=%s without \"ALL\"; add \"ALL\" to it.",
	[c.name, json.marshal(caps.drop)],
) if {
	pss.is_set(caps, "drop")
} else := sprintf(
	"container %q does not set securityContext.capabilities.drop (default: the runtime's capabilities are kept); set it to [\"ALL\"].",
	[c.name],
)
