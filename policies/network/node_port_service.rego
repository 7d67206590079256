# METADATA
# title: NodePort Service
# description: |
#   A NodePort Service opens its ports on every node of the cluster, so anyone
#   who can reach a node reaches the pods, bypassing the load balancer and
#   ingress controller and their access controls and TLS.
# custom:
#   id: KW-NET-006
#   severity: medium
#   kinds: [Service]
#   profiles: []
#   remediation: Use a ClusterIP Service behind an Ingress or Gateway, or a LoadBalancer restricted with loadBalancerSourceRanges.
#   references:
#     - KL exposed-services
#     - https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
#   example: |
#     apiVersion: v1
#     kind: Service
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       type: NodePort
#       selector: {app: web}
#       ports:
#         - port: 80
#           targetPort: 8080
package kubeward.rules.network.node_port_service

import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Service %q sets spec.type=NodePort, which opens its ports on every node; use ClusterIP behind an Ingress or Gateway instead.", [workloads.name(input)]),
	"path": ["spec", "type"],
} if {
	input.kind == "Service"
	input.spec.type == "NodePort"
}
