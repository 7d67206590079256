# METADATA
# title: No anti-affinity or spread
# description: |
#   Replicas only protect against a node or zone failure if they run on
#   different nodes or zones. Without topology spread constraints or pod
#   anti-affinity against its own pods, the scheduler may place every replica
#   of a workload on the same node. A workload that a HorizontalPodAutoscaler
#   of the inventory scales counts with the HPA's minReplicas (default 1),
#   not spec.replicas, which the HPA rewrites.
# custom:
#   id: KW-WRK-012
#   severity: low
#   kinds: [Deployment, StatefulSet]
#   profiles: []
#   remediation: Add a topologySpreadConstraints entry (e.g. over kubernetes.io/hostname) or a podAntiAffinity term that selects the workload's own pod labels.
#   references:
#     - KL no-anti-affinity
#     - PO topologySpreadConstraint
#     - https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
#   example: |
#     apiVersion: apps/v1
#     kind: StatefulSet
#     metadata:
#       name: kafka
#     spec:
#       serviceName: kafka
#       replicas: 3
#       selector:
#         matchLabels: {app: kafka}
#       template:
#         metadata:
#           labels: {app: kafka}
#         spec:
#           containers:
#             - name: kafka
#               image: registry.example.com/messaging/kafka:3.7.1
package kubeward.rules.workload.no_spread

import data.kubeward.lib.pods
import data.kubeward.lib.replicas
import data.kubeward.lib.selectors
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("%s %q %s but sets no topologySpreadConstraints and no podAntiAffinity term that selects its own pods (default: they may all land on one node); add one of them.", [input.kind, workloads.name(input), _runs(n)]),
	"path": array.concat(pods.spec_path, ["topologySpreadConstraints"]),
} if {
	input.kind in {"Deployment", "StatefulSet"}
	n := replicas.floor(input)
	n >= 2
	not _spread_constraints
	not _anti_affinity_to_self
}

_spread_constraints if {
	constraints := pods.spec.topologySpreadConstraints
	is_array(constraints)
	count(constraints) > 0
}

_anti_affinity_to_self if {
	some term in _anti_affinity_terms
	selectors.matches(term.labelSelector, workloads.pod_labels(input))
}

_anti_affinity_terms contains term if {
	some term in pods.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution
}

_anti_affinity_terms contains term if {
	some weighted in pods.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution
	term := weighted.podAffinityTerm
}

_runs(n) := sprintf("is scaled by HorizontalPodAutoscaler %q to at least %v replicas", [min(workloads.hpas_targeting(input)), n]) if {
	workloads.hpa_targeted(input)
} else := sprintf("runs %v replicas", [n])
