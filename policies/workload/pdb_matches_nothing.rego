# METADATA
# title: PDB matches no pods
# description: |
#   A PodDisruptionBudget whose selector selects no pod protects nothing: the
#   workload it was written for can still lose every pod in a drain. It is
#   usually a typo in a label or a budget left behind by a removed workload.
#   This needs the whole namespace in the run, so it only reports with --complete.
# custom:
#   id: KW-WRK-011
#   severity: low
#   kinds: [PodDisruptionBudget]
#   profiles: []
#   remediation: Make spec.selector match the pod labels of the workload to protect, or remove the budget.
#   references:
#     - https://kubernetes.io/docs/tasks/run-application/configure-pdb/#specifying-a-poddisruptionbudget
#   example: |
#     apiVersion: policy/v1
#     kind: PodDisruptionBudget
#     metadata:
#       name: frontend
#     spec:
#       maxUnavailable: 1
#       selector:
#         matchLabels: {app: web-frontend}
#     ---
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: frontend
#     spec:
#       replicas: 3
#       selector:
#         matchLabels: {app: frontend}
#       template:
#         metadata:
#           labels: {app: frontend}
#         spec:
#           containers:
#             - name: frontend
#               image: registry.example.com/shop/frontend:2.9.0
package kubeward.rules.workload.pdb_matches_nothing

import data.kubeward.lib.inventory
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("PodDisruptionBudget %q does not set spec.selector (default: selects no pods); set it to select the pods to protect.", [workloads.name(input)]),
	"path": ["spec", "selector"],
} if {
	inventory.complete
	input.kind == "PodDisruptionBudget"
	object.get(input, ["spec", "selector"], null) == null
}

deny contains {
	"msg": sprintf("PodDisruptionBudget %q has a spec.selector that selects no pods in namespace %q; fix the selector or remove the budget.", [workloads.name(input), namespace]),
	"path": ["spec", "selector"],
} if {
	inventory.complete
	input.kind == "PodDisruptionBudget"
	object.get(input, ["spec", "selector"], null) != null
	namespace := inventory.namespace_of(input)
	not _selects_a_pod(namespace)
}

# Only the pods the selector may select are checked: checking every pod of
# the namespace for every budget made a namespace of many quadratic.
_selects_a_pod(namespace) if {
	some owner in inventory.pod_candidates(namespace, input.spec.selector)
	workloads.pdb_selects(input, owner.labels)
}
