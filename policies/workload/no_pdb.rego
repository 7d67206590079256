# METADATA
# title: No PodDisruptionBudget
# description: |
#   Without a PodDisruptionBudget, a node drain or cluster upgrade may evict
#   every replica of a workload at once, so running several replicas does not
#   keep the service up during maintenance. This needs the whole namespace in
#   the run, so it only reports with --complete.
# custom:
#   id: KW-WRK-009
#   severity: low
#   kinds: [Deployment, StatefulSet]
#   profiles: []
#   remediation: Add a policy/v1 PodDisruptionBudget whose selector matches the workload's pod labels, e.g. with maxUnavailable 1.
#   references:
#     - PO missingPodDisruptionBudget
#     - https://kubernetes.io/docs/tasks/run-application/configure-pdb/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: checkout
#     spec:
#       replicas: 3
#       selector:
#         matchLabels: {app: checkout}
#       template:
#         metadata:
#           labels: {app: checkout}
#         spec:
#           containers:
#             - name: checkout
#               image: registry.example.com/shop/checkout:4.2.0
package kubeward.rules.workload.no_pdb

import data.kubeward.lib.inventory
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("%s %q %s but no PodDisruptionBudget in namespace %q selects its pods; add one so that evictions leave enough of them running.", [input.kind, workloads.name(input), _scale, namespace]),
	"path": ["metadata", "name"],
} if {
	inventory.complete
	input.kind in {"Deployment", "StatefulSet"}
	_scale
	namespace := inventory.namespace_of(input)
	count(workloads.matching_pdbs(namespace, workloads.pod_labels(input))) == 0
}

# _scale says why the workload has several pods; undefined when it does not.
_scale := sprintf("is scaled by HorizontalPodAutoscaler %q", [min(workloads.hpas_targeting(input))]) if {
	workloads.hpa_targeted(input)
} else := sprintf("runs %v replicas", [n]) if {
	n := workloads.replicas(input)
	n >= 2
}
