# METADATA
# title: Memory limit missing
# description: |
#   Without a memory limit a leaking container can take all of its node's
#   memory, and the kernel's out-of-memory killer then picks processes of other
#   pods too. A limit confines the damage to the container that leaks.
# custom:
#   id: KW-WRK-004
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [nsa]
#   remediation: Set resources.limits.memory on every container, usually equal to its memory request.
#   references:
#     - NSA Network separation / resource policies
#     - KSV-0018
#     - PO memoryLimitsMissing
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   example: |
#     apiVersion: apps/v1
#     kind: DaemonSet
#     metadata:
#       name: log-collector
#     spec:
#       selector:
#         matchLabels: {app: log-collector}
#       template:
#         metadata:
#           labels: {app: log-collector}
#         spec:
#           containers:
#             - name: collector
#               image: registry.example.com/logging/collector:3.0.7
#               resources:
#                 requests: {cpu: 100m, memory: 128Mi}
#                 limits: {cpu: 200m}
package kubeward.rules.workload.memory_limit_missing

import data.kubeward.lib.pods
import data.kubeward.lib.resources

deny contains {
	"msg": sprintf("container %q does not set resources.limits.memory (default: no limit); set it.", [c.name]),
	"path": resources.path(c, "limits", "memory"),
} if {
	some c in pods.app_containers
	resources.limit_missing(c, "memory")

	# KW-WRK-003 reports a container that sets no memory requirement at all.
	not resources.requirement_missing(c, "memory")
}
