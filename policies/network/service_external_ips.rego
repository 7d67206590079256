# METADATA
# title: Service externalIPs
# description: |
#   spec.externalIPs makes kube-proxy capture traffic to the listed addresses
#   on every node. Anyone who may create Services can use it to intercept
#   traffic meant for other hosts (CVE-2020-8554), and it exposes the Service
#   outside the cluster.
# custom:
#   id: KW-NET-008
#   severity: high
#   kinds: [Service]
#   profiles: []
#   remediation: Remove spec.externalIPs and expose the Service with a LoadBalancer or an Ingress; block the field cluster-wide with an admission policy.
#   references:
#     - KSV-0108
#     - https://kubernetes.io/docs/concepts/services-networking/service/#external-ips
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
#           targetPort: 8080
#       externalIPs:
#         - 198.51.100.10
package kubeward.rules.network.service_external_ips

import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Service %q sets spec.externalIPs %s (CVE-2020-8554); remove it and expose the Service with a LoadBalancer or an Ingress.", [workloads.name(input), json.marshal(ips)]),
	"path": ["spec", "externalIPs"],
} if {
	input.kind == "Service"
	ips := input.spec.externalIPs
	is_array(ips)
	count(ips) > 0
}
