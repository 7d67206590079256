# METADATA
# title: Host ports
# description: |
#   A hostPort binds a container port on the node's own network interfaces.
#   It exposes the container outside the cluster network, bypasses network
#   policy and ties the pod to nodes where the port is free. Pod Security
#   Standards forbid host ports at the baseline level.
# custom:
#   id: KW-PSS-005
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, pss-restricted, cis, nsa]
#   remediation: Remove hostPort from the container's ports (or set it to 0) and expose the pod through a Service instead.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA hostPorts
#     - CIS 5.2.12
#     - KSV-0024
#     - PO hostPortSet
#     - KS C-0044
#     - https://kubernetes.io/docs/concepts/configuration/overview/#services
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: app
#           image: registry.example.com/web:1.4.2
#           ports:
#             - containerPort: 8080
#               hostPort: 80
package kubeward.rules.pss.host_ports

import data.kubeward.lib.pods
import data.kubeward.lib.pss

deny contains {
	"msg": sprintf(
		"container %q sets ports[%d].hostPort=%s; remove it or set it to 0.",
		[c.name, k, pss.quote(port.hostPort)],
	),
	"path": array.concat(c.path, ["ports", k, "hostPort"]),
} if {
	some c in pods.containers
	ports := c.container.ports
	is_array(ports)
	some k, port in ports
	pss.is_set(port, "hostPort")
	port.hostPort != 0
}
