# METADATA
# title: Job never cleaned up
# description: |
#   A finished Job and its pods stay in the cluster until someone deletes them:
#   they pile up, keep their logs and volumes, and slow down list calls. A
#   CronJob cleans up the Jobs it owns, and Helm deletes hooks that carry a
#   delete policy.
# custom:
#   id: KW-WRK-018
#   severity: info
#   kinds: [Job]
#   profiles: []
#   remediation: Set spec.ttlSecondsAfterFinished so that the finished Job and its pods are deleted automatically.
#   references:
#     - KL job-ttl-seconds-after-finished
#     - https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/
#   example: |
#     apiVersion: batch/v1
#     kind: Job
#     metadata:
#       name: import-products
#     spec:
#       template:
#         spec:
#           restartPolicy: Never
#           containers:
#             - name: import
#               image: registry.example.com/shop/product-import:2.5.0
package kubeward.rules.workload.job_no_ttl

import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Job %q does not set spec.ttlSecondsAfterFinished (default: the finished Job and its pods are kept until deleted); set it.", [workloads.name(input)]),
	"path": ["spec", "ttlSecondsAfterFinished"],
} if {
	input.kind == "Job"
	object.get(input, ["spec", "ttlSecondsAfterFinished"], null) == null
	not _owned
	not _helm_deletes_it
}

# Helm deletes a hook that carries a delete policy itself.
_helm_deletes_it if _ = input.metadata.annotations["helm.sh/hook-delete-policy"]

_owned if {
	refs := input.metadata.ownerReferences
	is_array(refs)
	count(refs) > 0
}
