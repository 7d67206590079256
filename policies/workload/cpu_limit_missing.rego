# METADATA
# title: CPU limit missing
# description: |
#   Without a CPU limit a container can use every idle core of its node, so a
#   runaway process slows its neighbours down. Many teams prefer no CPU limit
#   to avoid throttling, hence this is advice only.
# custom:
#   id: KW-WRK-002
#   severity: info
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Set resources.limits.cpu on every container, or accept the risk where throttling matters more.
#   references:
#     - KSV-0011
#     - PO cpuLimitsMissing
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   example: |
#     apiVersion: apps/v1
#     kind: StatefulSet
#     metadata:
#       name: elasticsearch
#     spec:
#       serviceName: elasticsearch
#       selector:
#         matchLabels: {app: elasticsearch}
#       template:
#         metadata:
#           labels: {app: elasticsearch}
#         spec:
#           containers:
#             - name: elasticsearch
#               image: registry.example.com/search/elasticsearch:8.14.1
#               resources:
#                 requests: {cpu: "1", memory: 4Gi}
#                 limits: {memory: 4Gi}
package kubeward.rules.workload.cpu_limit_missing

import data.kubeward.lib.pods
import data.kubeward.lib.resources

deny contains {
	"msg": sprintf("container %q does not set resources.limits.cpu (default: no limit); set it.", [c.name]),
	"path": resources.path(c, "limits", "cpu"),
} if {
	some c in pods.app_containers
	resources.limit_missing(c, "cpu")

	# KW-WRK-001 reports a container that sets no CPU requirement at all.
	not resources.requirement_missing(c, "cpu")
}
