# METADATA
# title: Ingress without TLS
# description: |
#   An Ingress without a tls section serves its hosts over plain HTTP, so
#   credentials, cookies and data cross the network unencrypted and can be read
#   or altered on the way.
# custom:
#   id: KW-NET-009
#   severity: medium
#   kinds: [Ingress]
#   profiles: []
#   remediation: Add a spec.tls entry that lists the Ingress hosts and the Secret holding their certificate (or let cert-manager create it).
#   references:
#     - PO tlsSettingsMissing
#     - https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
#   example: |
#     apiVersion: networking.k8s.io/v1
#     kind: Ingress
#     metadata:
#       name: web
#       namespace: shop
#     spec:
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
#     ---
#     apiVersion: v1
#     kind: Service
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       ports:
#         - port: 80
package kubeward.rules.network.ingress_without_tls

import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Ingress %q does not set spec.tls (default: plain HTTP); add a tls entry for its hosts with a certificate Secret.", [workloads.name(input)]),
	"path": ["spec", "tls"],
} if {
	input.kind == "Ingress"
	not _has_tls
}

_has_tls if {
	is_array(input.spec.tls)
	count(input.spec.tls) > 0
}
