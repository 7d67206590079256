# METADATA
# title: Ingress host outside TLS
# description: |
#   When an Ingress has TLS entries but a rule's host is in none of them, that
#   host is served over plain HTTP or with a certificate that does not match it.
#   It is usually a host added to the rules and forgotten in tls.
# custom:
#   id: KW-NET-010
#   severity: low
#   kinds: [Ingress]
#   profiles: []
#   remediation: Add the host to the hosts of a spec.tls entry whose certificate covers it.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
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
#                     name: web
#                     port: {number: 80}
#         - host: admin.example.com
#           http:
#             paths:
#               - path: /
#                 pathType: Prefix
#                 backend:
#                   service:
#                     name: web
#                     port: {number: 80}
#     ---
#     apiVersion: v1
#     kind: Service
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       ports:
#         - port: 80
package kubeward.rules.network.ingress_host_outside_tls

import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Ingress %q spec.rules[%d].host %q is in no spec.tls hosts; add it to a tls entry whose certificate covers it.", [workloads.name(input), i, host]),
	"path": ["spec", "rules", i, "host"],
} if {
	input.kind == "Ingress"
	is_array(input.spec.tls)
	count(input.spec.tls) > 0
	some i, rule in input.spec.rules
	host := rule.host
	is_string(host)
	host != ""
	not _covered(host)
}

_covered(host) if {
	some entry in input.spec.tls
	some pattern in entry.hosts
	_covers(pattern, host)
}

# Host names are case-insensitive; a wildcard covers exactly one label.
_covers(pattern, host) if {
	is_string(pattern)
	lower(pattern) == lower(host)
}

_covers(pattern, host) if {
	is_string(pattern)
	startswith(pattern, "*.")
	dot := indexof(host, ".")
	dot > 0
	lower(substring(host, dot + 1, -1)) == lower(substring(pattern, 2, -1))
}
