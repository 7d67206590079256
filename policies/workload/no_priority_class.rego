# METADATA
# title: No priority class
# description: |
#   Without a priorityClassName a pod gets the cluster's global default
#   priority (0 unless a default PriorityClass exists), the same as every
#   other unclassified pod. When the cluster is full, the scheduler cannot
#   tell critical workloads from batch jobs when it preempts or evicts.
# custom:
#   id: KW-WRK-023
#   severity: info
#   kinds: [Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController]
#   profiles: []
#   remediation: Set priorityClassName in the pod spec to a PriorityClass that reflects how important the workload is.
#   references:
#     - PO priorityClassNotSet
#     - KL priority-class-name
#     - https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
#   example: |
#     apiVersion: batch/v1
#     kind: Job
#     metadata:
#       name: nightly-etl
#     spec:
#       ttlSecondsAfterFinished: 3600
#       template:
#         spec:
#           restartPolicy: OnFailure
#           containers:
#             - name: etl
#               image: registry.example.com/analytics/etl:7.4.0
package kubeward.rules.workload.no_priority_class

import data.kubeward.lib.pods

deny contains {
	"msg": "the pod does not set priorityClassName (default: the cluster's global default priority); set it to a PriorityClass.",
	"path": array.concat(pods.spec_path, ["priorityClassName"]),
} if {
	pods.is_pod_or_workload
	not _set(object.get(pods.spec, "priorityClassName", null))
}

_set(name) if {
	is_string(name)
	name != ""
}
