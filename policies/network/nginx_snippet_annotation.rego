# METADATA
# title: ingress-nginx snippet annotation
# description: |
#   ingress-nginx snippet annotations copy raw NGINX configuration into the
#   controller. Anyone who may edit an Ingress can then read the controller's
#   ServiceAccount token and every Secret it can see, or reroute other tenants'
#   traffic (CVE-2021-25742).
# custom:
#   id: KW-NET-011
#   severity: high
#   kinds: [Ingress]
#   profiles: []
#   remediation: Remove the snippet annotation and use the dedicated ingress-nginx annotations or a ConfigMap owned by the cluster operators; keep allow-snippet-annotations disabled.
#   references:
#     - KS C-0059
#     - https://kubernetes.io/docs/concepts/services-networking/ingress-controllers/
#   example: |
#     apiVersion: networking.k8s.io/v1
#     kind: Ingress
#     metadata:
#       name: web
#       namespace: shop
#       annotations:
#         nginx.ingress.kubernetes.io/configuration-snippet: |
#           more_set_headers "X-Frame-Options: DENY";
#     spec:
#       ingressClassName: nginx
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
#     ---
#     apiVersion: v1
#     kind: Service
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       ports:
#         - port: 80
package kubeward.rules.network.nginx_snippet_annotation

import data.kubeward.lib.workloads

_snippets := {"configuration-snippet", "server-snippet", "auth-snippet", "stream-snippet"}

deny contains {
	"msg": sprintf("Ingress %q sets annotation %s, which injects raw NGINX configuration into the controller (CVE-2021-25742); remove it.", [workloads.name(input), key]),
	"path": ["metadata", "annotations", key],
} if {
	input.kind == "Ingress"
	some key, _ in input.metadata.annotations
	is_string(key)
	startswith(key, "nginx.ingress.kubernetes.io/")
	substring(key, count("nginx.ingress.kubernetes.io/"), -1) in _snippets
}
