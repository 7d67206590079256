# METADATA
# title: Host in probes / lifecycle handlers
# description: |
#   A probe or lifecycle handler with a host makes the kubelet connect to that
#   address, not to the pod: it can be abused to reach node-local services or
#   other hosts from the node's network position. Pod Security Standards
#   forbid any host there at the baseline level (v1.34+).
# custom:
#   id: KW-PSS-006
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, pss-restricted, nsa]
#   remediation: Remove host from the probe or lifecycle handler so the kubelet connects to the pod's own IP.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA hostProbesAndHostLifecycle
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: app
#           image: registry.example.com/web:1.4.2
#           livenessProbe:
#             httpGet:
#               host: 169.254.169.254
#               path: /latest/meta-data/
#               port: 80
package kubeward.rules.pss.host_probes_lifecycle

import data.kubeward.lib.pods
import data.kubeward.lib.pss

# The probes and lifecycle handlers PSA looks in, as paths within the
# container, each with the actions that can name a host.
_handlers := [
	["livenessProbe"],
	["readinessProbe"],
	["startupProbe"],
	["lifecycle", "postStart"],
	["lifecycle", "preStop"],
]

_actions := ["httpGet", "tcpSocket"]

deny contains {
	"msg": sprintf(
		"container %q sets %s.host=%s; remove it so the kubelet connects to the pod.",
		[c.name, concat(".", array.concat(handler, [action])), pss.quote(host)],
	),
	"path": array.concat(c.path, array.concat(handler, [action, "host"])),
} if {
	some c in pods.containers
	some handler in _handlers

	# Most containers set one or two of these: look no further into the others.
	c.container[handler[0]]
	h := object.get(c.container, handler, null)
	some action in _actions
	host := pss.string_field(h[action], "host")
	host != ""
}
