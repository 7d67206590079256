# METADATA
# title: Low GID
# description: |
#   GIDs below 10000 overlap the groups of the node and of common base images,
#   so files the container creates or reaches on shared volumes and, after an
#   escape, on the host carry a system group. A high, dedicated GID avoids that.
# custom:
#   id: KW-POD-008
#   severity: low
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Set securityContext.runAsGroup to a GID of 10000 or more (or run the pod with hostUsers false).
#   references:
#     - KSV-0021
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: notifications
#     spec:
#       selector:
#         matchLabels: {app: notifications}
#       template:
#         metadata:
#           labels: {app: notifications}
#         spec:
#           securityContext:
#             runAsUser: 10001
#             runAsGroup: 1000
#           containers:
#             - name: notifications
#               image: registry.example.com/comms/notifications:1.6.0
package kubeward.rules.pod.low_gid

import data.kubeward.lib.effective
import data.kubeward.lib.pods

# Unset runAsGroup is not reported and 0 is POD-009's business: only 1..9999 fires here.
deny contains {
	"msg": sprintf(
		"container %q runs with securityContext.runAsGroup=%v%s, a GID below 10000 that may match a host group; set a GID of 10000 or more.",
		[c.name, gid, _inherited(c)],
	),
	"path": effective.path(c, "runAsGroup"),
} if {
	not pods.user_namespaced
	some c in pods.app_containers
	gid := pods.effective(c, "runAsGroup")
	is_number(gid)
	gid >= 1
	gid < 10000
}

_inherited(c) := " (from the pod)" if effective.from_pod(c, "runAsGroup")

else := ""
