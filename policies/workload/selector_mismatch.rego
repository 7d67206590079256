# METADATA
# title: Selector does not match template
# description: |
#   A controller manages the pods its selector selects. If the selector does
#   not select the pods of its own template, the API server rejects the object
#   (apps/v1) or the controller keeps creating pods it never counts as its own.
#   An unset selector of a ReplicationController, or of a Job without
#   manualSelector, is generated from the template and always matches.
#   A Deployment, ReplicaSet, StatefulSet or DaemonSet without a selector is
#   KW-SCH-003's finding (apps/v1 requires the field), not this rule's.
# custom:
#   id: KW-WRK-014
#   severity: high
#   kinds: [Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, ReplicationController]
#   profiles: []
#   remediation: Make spec.selector select the labels of the pod template, or add the missing labels to the template.
#   references:
#     - KL mismatching-selector
#     - https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector
#   example: |
#     apiVersion: apps/v1
#     kind: DaemonSet
#     metadata:
#       name: log-agent
#     spec:
#       selector:
#         matchLabels: {app: log-agent}
#       template:
#         metadata:
#           labels: {app: log-collector}
#         spec:
#           containers:
#             - name: agent
#               image: registry.example.com/logging/agent:2.2.0
package kubeward.rules.workload.selector_mismatch

import data.kubeward.lib.pods
import data.kubeward.lib.selectors
import data.kubeward.lib.workloads

_label_selector_kinds := {"Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"}

deny contains {
	"msg": sprintf("%s %q has a spec.selector that does not select the labels of its pod template (%s.labels); make them match.", [input.kind, workloads.name(input), concat(".", pods.meta_path)]),
	"path": ["spec", "selector"],
} if {
	_selector_mismatch
}

_selector_mismatch if {
	input.kind in _label_selector_kinds
	is_object(input.spec.selector)
	not selectors.matches(input.spec.selector, workloads.pod_labels(input))
}

# A ReplicationController's selector is a plain map; unset or empty, it is
# defaulted to the template labels.
_selector_mismatch if {
	input.kind == "ReplicationController"
	is_object(input.spec.selector)
	not selectors.map_matches(input.spec.selector, workloads.pod_labels(input))
}

# A Job generates its selector unless spec.manualSelector is true.
_selector_mismatch if {
	input.kind == "Job"
	input.spec.manualSelector == true
	is_object(input.spec.selector)
	not selectors.matches(input.spec.selector, workloads.pod_labels(input))
}
