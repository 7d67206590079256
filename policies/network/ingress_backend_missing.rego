# METADATA
# title: Ingress backend missing
# description: |
#   An Ingress backend that names a Service absent from the namespace, or a
#   port that Service does not declare, answers with errors (502/503) for its
#   paths. It is usually a typo or a Service renamed without its Ingress. This
#   needs the whole namespace in the run, so it only reports with --complete.
# custom:
#   id: KW-NET-014
#   severity: medium
#   kinds: [Ingress]
#   profiles: []
#   remediation: Point the backend at a Service of the Ingress's namespace and at one of its spec.ports (by number or name), or create the Service.
#   references:
#     - KL dangling-ingress
#     - https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource
#   example: |
#     apiVersion: networking.k8s.io/v1
#     kind: Ingress
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       tls:
#         - hosts: [shop.example.com]
#           secretName: shop-tls
#       rules:
#         - host: shop.example.com
#           http:
#             paths:
#               - path: /
#                 pathType: Prefix
#                 backend:
#                   service:
#                     name: storefront
#                     port: {number: 80}
package kubeward.rules.network.ingress_backend_missing

import data.kubeward.lib.inventory
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Ingress %q %s.service names Service %q, which is not in namespace %q; create it or fix the name.", [workloads.name(input), b.where, b.service.name, namespace]),
	"path": array.concat(b.path, ["service", "name"]),
} if {
	inventory.complete
	some b in _backends
	namespace := inventory.namespace_of(input)
	not inventory.has(namespace, "Service", b.service.name)
}

deny contains {
	"msg": sprintf("Ingress %q %s.service.port.%s %s is no spec.ports[].%s of Service %q; use one the Service declares.", [workloads.name(input), b.where, field, json.marshal(value), _service_field[field], b.service.name]),
	"path": array.concat(b.path, ["service", "port", field]),
} if {
	inventory.complete
	some b in _backends
	namespace := inventory.namespace_of(input)
	svc := inventory.get(namespace, "Service", b.service.name)
	some field, value in b.service.port
	_port_ref(field, value)
	not _declares(svc, _service_field[field], value)
}

# A backend's port.number refers to a Service port, port.name to its name.
_service_field := {"number": "port", "name": "name"}

_port_ref("number", value) if is_number(value)

_port_ref("name", value) if {
	is_string(value)
	value != ""
}

_declares(svc, field, value) if {
	some port in svc.spec.ports
	port[field] == value
}

# _backends holds every Service backend as {"service", "path" (of the backend), "where"}.
_backends contains {"service": service, "path": ["spec", "defaultBackend"], "where": "spec.defaultBackend"} if {
	input.kind == "Ingress"
	service := input.spec.defaultBackend.service
	_names_service(service)
}

_backends contains {
	"service": service,
	"path": ["spec", "rules", i, "http", "paths", j, "backend"],
	"where": sprintf("spec.rules[%d].http.paths[%d].backend", [i, j]),
} if {
	input.kind == "Ingress"
	some i, rule in input.spec.rules
	some j, path in rule.http.paths
	service := path.backend.service
	_names_service(service)
}

_names_service(service) if {
	is_string(service.name)
	service.name != ""
}
