# METADATA
# title: Memory request missing
# description: |
#   A container that requests no memory can be placed on a node that has none
#   to spare, and is among the first to be evicted or killed when the node runs
#   short. Requests let the scheduler place pods where they fit.
# custom:
#   id: KW-WRK-003
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [nsa]
#   remediation: Set resources.requests.memory on every container (a memory limit alone also counts, since the request defaults to it).
#   references:
#     - NSA Network separation / resource policies
#     - KSV-0016
#     - KL unset-memory-requirements
#     - PO memoryRequestsMissing
#     - KS C-0004
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   example: |
#     apiVersion: batch/v1
#     kind: Job
#     metadata:
#       name: reindex
#     spec:
#       template:
#         spec:
#           restartPolicy: Never
#           containers:
#             - name: reindex
#               image: registry.example.com/search/reindex:1.0.3
#               resources:
#                 requests: {cpu: 500m}
package kubeward.rules.workload.memory_request_missing

import data.kubeward.lib.pods
import data.kubeward.lib.resources

deny contains {
	"msg": sprintf("container %q does not set resources.requests.memory or resources.limits.memory (default: no memory reserved); set resources.requests.memory.", [c.name]),
	"path": resources.path(c, "requests", "memory"),
} if {
	some c in pods.app_containers
	resources.requirement_missing(c, "memory")
}
