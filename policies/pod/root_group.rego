# METADATA
# title: Root group
# description: |
#   Group 0 owns many files that the root user owns, on the image and on the
#   host, often with group write permission. A process in the root group (as its
#   primary group, through fsGroup or as a supplemental group) can read or change
#   them even when it does not run as root.
# custom:
#   id: KW-POD-009
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Set runAsGroup and fsGroup to a non-zero GID (10000 or more) and remove 0 from supplementalGroups.
#   references:
#     - KSV-0116
#     - KL run-as-non-root
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   example: |
#     apiVersion: batch/v1
#     kind: CronJob
#     metadata:
#       name: report-export
#     spec:
#       schedule: "15 * * * *"
#       jobTemplate:
#         spec:
#           template:
#             spec:
#               restartPolicy: OnFailure
#               securityContext:
#                 runAsUser: 10001
#                 fsGroup: 0
#               containers:
#                 - name: export
#                   image: registry.example.com/analytics/export:2.0.4
package kubeward.rules.pod.root_group

import data.kubeward.lib.effective
import data.kubeward.lib.pods

deny contains {
	"msg": sprintf(
		"container %q runs with securityContext.runAsGroup=0%s, the root group; set a non-zero GID of 10000 or more.",
		[c.name, _inherited(c)],
	),
	"path": effective.path(c, "runAsGroup"),
} if {
	not pods.user_namespaced
	some c in pods.app_containers
	pods.effective(c, "runAsGroup") == 0
}

deny contains {
	"msg": "the pod sets securityContext.fsGroup=0, which gives its volumes and containers the root group; set a non-zero GID of 10000 or more.",
	"path": array.concat(pods.pod_sc_path, ["fsGroup"]),
} if {
	not pods.user_namespaced
	pods.pod_sc.fsGroup == 0
}

deny contains {
	"msg": sprintf(
		"the pod lists group 0 in securityContext.supplementalGroups[%d], which adds the root group to every container; remove it.",
		[k],
	),
	"path": array.concat(pods.pod_sc_path, ["supplementalGroups", k]),
} if {
	not pods.user_namespaced
	groups := pods.pod_sc.supplementalGroups
	is_array(groups)
	some k, g in groups
	g == 0
}

_inherited(c) := " (from the pod)" if effective.from_pod(c, "runAsGroup")

else := ""
