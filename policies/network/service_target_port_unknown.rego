# METADATA
# title: Service targetPort name unknown
# description: |
#   A Service port whose targetPort is a name sends traffic to the container
#   port of that name (and protocol) in each selected pod. When none of the pods
#   declares it, the Service has no endpoints for that port and its clients fail.
#   This needs the whole namespace in the run, so it only reports with --complete.
# custom:
#   id: KW-NET-015
#   severity: medium
#   kinds: [Service]
#   profiles: []
#   remediation: Name the container port in the pod template as the targetPort says (with the same protocol), or use the container port number.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports
#   example: |
#     apiVersion: v1
#     kind: Service
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       selector: {app: web}
#       ports:
#         - port: 80
#           targetPort: http
#     ---
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       selector:
#         matchLabels: {app: web}
#       template:
#         metadata:
#           labels: {app: web}
#         spec:
#           containers:
#             - name: web
#               image: registry.example.com/shop/web:1.4.2
#               ports:
#                 - name: web-http
#                   containerPort: 8080
package kubeward.rules.network.service_target_port_unknown

import data.kubeward.lib.inventory
import data.kubeward.lib.network
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf(
		"Service %q spec.ports[%d].targetPort %q names no %s container port of the pods it selects (%s); name the container port %q or use its number.",
		[workloads.name(input), k, name, network.protocol(port), concat(", ", sort(owners)), name],
	),
	"path": ["spec", "ports", k, "targetPort"],
} if {
	inventory.complete
	input.kind == "Service"
	selector := network.service_selector(input)
	namespace := inventory.namespace_of(input)
	matched := inventory.pods_matching_map(namespace, selector)
	count(matched) > 0
	declared := {p | some x in matched; some p in network.named_ports(inventory.get(namespace, x.kind, x.name))}
	some k, port in input.spec.ports
	name := port.targetPort
	is_string(name)
	name != ""
	not {"name": name, "protocol": network.protocol(port)} in declared
	owners := [sprintf("%s %q", [x.kind, x.name]) | some x in matched]
}
