# METADATA
# title: CPU request missing
# description: |
#   A container that requests no CPU is scheduled as if it needed none and is
#   the first to be starved when the node is busy. Requests let the scheduler
#   place pods on nodes that can run them and give each container its share.
# custom:
#   id: KW-WRK-001
#   severity: low
#   kinds: [pod-kinds]
#   profiles: [nsa]
#   remediation: Set resources.requests.cpu on every container (a CPU limit alone also counts, since the request defaults to it).
#   references:
#     - NSA Network separation / resource policies
#     - KSV-0015
#     - KL unset-cpu-requirements
#     - PO cpuRequestsMissing
#     - KS C-0050
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: catalog
#     spec:
#       selector:
#         matchLabels: {app: catalog}
#       template:
#         metadata:
#           labels: {app: catalog}
#         spec:
#           containers:
#             - name: catalog
#               image: registry.example.com/shop/catalog:3.2.0
#               resources:
#                 requests: {memory: 256Mi}
#                 limits: {memory: 256Mi}
package kubeward.rules.workload.cpu_request_missing

import data.kubeward.lib.pods
import data.kubeward.lib.resources

deny contains {
	"msg": sprintf("container %q does not set resources.requests.cpu or resources.limits.cpu (default: no CPU reserved); set resources.requests.cpu.", [c.name]),
	"path": resources.path(c, "requests", "cpu"),
} if {
	some c in pods.app_containers
	resources.requirement_missing(c, "cpu")
}
