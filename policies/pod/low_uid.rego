# METADATA
# title: Low UID
# description: |
#   UIDs below 10000 overlap the users of the node and of common base images.
#   If the container escapes to the host (without a user namespace), it acts as
#   that host user. Running as a high, dedicated UID limits what an escape can touch.
# custom:
#   id: KW-POD-007
#   severity: low
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Set securityContext.runAsUser to a UID of 10000 or more (or run the pod with hostUsers false).
#   references:
#     - KSV-0020
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   example: |
#     apiVersion: apps/v1
#     kind: StatefulSet
#     metadata:
#       name: redis
#     spec:
#       serviceName: redis
#       selector:
#         matchLabels: {app: redis}
#       template:
#         metadata:
#           labels: {app: redis}
#         spec:
#           securityContext:
#             runAsUser: 999
#           containers:
#             - name: redis
#               image: registry.example.com/cache/redis:7.2.4
package kubeward.rules.pod.low_uid

import data.kubeward.lib.effective
import data.kubeward.lib.pods

# Unset runAsUser is PSS-017's business and 0 is PSS-018's: only 1..9999 fires here.
deny contains {
	"msg": sprintf(
		"container %q runs with securityContext.runAsUser=%v%s, a UID below 10000 that may match a host user; set a UID of 10000 or more.",
		[c.name, uid, _inherited(c)],
	),
	"path": effective.path(c, "runAsUser"),
} if {
	not pods.user_namespaced
	some c in pods.app_containers
	uid := pods.effective(c, "runAsUser")
	is_number(uid)
	uid >= 1
	uid < 10000
}

_inherited(c) := " (from the pod)" if effective.from_pod(c, "runAsUser")

else := ""
