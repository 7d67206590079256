# METADATA
# title: Probe uses undefined named port
# description: |
#   A probe may name its port instead of giving a number; the kubelet then looks
#   the name up in the container's own ports. A name that is not there makes the
#   probe fail every time, so the container is restarted in a loop (liveness) or
#   never becomes ready (readiness, startup).
# custom:
#   id: KW-WRK-007
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Give the port that name in the container's ports, or use the port number in the probe.
#   references:
#     - cf. KL liveness-port
#     - cf. KL readiness-port
#     - cf. KL startup-port
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#use-a-named-port
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: accounts
#     spec:
#       selector:
#         matchLabels: {app: accounts}
#       template:
#         metadata:
#           labels: {app: accounts}
#         spec:
#           containers:
#             - name: accounts
#               image: registry.example.com/shop/accounts:1.7.2
#               ports:
#                 - {name: web, containerPort: 8080}
#               livenessProbe:
#                 httpGet: {path: /healthz, port: http}
package kubeward.rules.workload.probe_undefined_port

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("container %q sets %s.%s.port=%q, which names none of its ports; name a port %q in ports or use the port number.", [c.name, probe, handler, port, port]),
	"path": array.concat(c.path, [probe, handler, "port"]),
} if {
	some c in pods.containers
	some probe in ["livenessProbe", "readinessProbe", "startupProbe"]
	some handler in ["httpGet", "tcpSocket"]
	port := c.container[probe][handler].port
	is_string(port)
	not port in _port_names(c.container)
}

_port_names(container) := {p.name |
	some p in container.ports
	is_string(p.name)
}
