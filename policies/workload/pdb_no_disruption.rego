# METADATA
# title: PDB allows no disruption
# description: |
#   A PodDisruptionBudget that never allows a pod to be evicted blocks node
#   drains: cluster upgrades and autoscaler scale-downs hang until someone
#   deletes the budget by hand. A budget should leave room for at least one
#   pod to be moved at a time. A percentage is scaled to the replicas of the
#   selected workloads as the disruption controller does: rounded up, for
#   minAvailable and maxUnavailable alike (so minAvailable "51%" of 1 replica
#   is 1 and blocks, maxUnavailable "10%" of 3 is 1 and allows one eviction).
# custom:
#   id: KW-WRK-010
#   severity: medium
#   kinds: [PodDisruptionBudget]
#   profiles: []
#   remediation: Set maxUnavailable to at least 1, or minAvailable below the replica count of the workloads it selects.
#   references:
#     - KL pdb-max-unavailable
#     - KL pdb-min-available
#     - PO pdbDisruptionsIsZero
#     - https://kubernetes.io/docs/tasks/run-application/configure-pdb/
#   example: |
#     apiVersion: policy/v1
#     kind: PodDisruptionBudget
#     metadata:
#       name: zookeeper
#     spec:
#       minAvailable: 3
#       selector:
#         matchLabels: {app: zookeeper}
#     ---
#     apiVersion: apps/v1
#     kind: StatefulSet
#     metadata:
#       name: zookeeper
#     spec:
#       serviceName: zookeeper
#       replicas: 3
#       selector:
#         matchLabels: {app: zookeeper}
#       template:
#         metadata:
#           labels: {app: zookeeper}
#         spec:
#           containers:
#             - name: zookeeper
#               image: registry.example.com/messaging/zookeeper:3.9.2
package kubeward.rules.workload.pdb_no_disruption

import data.kubeward.lib.inventory
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("PodDisruptionBudget %q sets spec.maxUnavailable=%s, which allows no voluntary eviction; set it to at least 1.", [workloads.name(input), json.marshal(v)]),
	"path": ["spec", "maxUnavailable"],
} if {
	input.kind == "PodDisruptionBudget"
	v := input.spec.maxUnavailable
	v in {0, "0%"}
}

deny contains {
	"msg": sprintf("PodDisruptionBudget %q sets spec.minAvailable=\"100%%\", which allows no voluntary eviction; lower it or use maxUnavailable.", [workloads.name(input)]),
	"path": ["spec", "minAvailable"],
} if {
	input.kind == "PodDisruptionBudget"
	input.spec.minAvailable == "100%"
}

deny contains {
	"msg": sprintf("PodDisruptionBudget %q sets spec.minAvailable=%s, at least the replicas of every workload it selects (%s), which allows no voluntary eviction; lower it or use maxUnavailable.", [workloads.name(input), json.marshal(v), concat(", ", sort(described))]),
	"path": ["spec", "minAvailable"],
} if {
	input.kind == "PodDisruptionBudget"
	v := input.spec.minAvailable
	v != "100%"
	count(_selected) > 0
	every w in _selected {
		not workloads.hpa_targeted(w.object)
		_required(v, workloads.replicas(w.object)) >= workloads.replicas(w.object)
	}
	described := [_describe(v, w) | some w in _selected]
}

_describe(v, w) := sprintf("%s %q: %v", [w.kind, w.name, workloads.replicas(w.object)]) if is_number(v)

else := sprintf("%s %q: %v of %v", [w.kind, w.name, _required(v, workloads.replicas(w.object)), workloads.replicas(w.object)])

# _required(v, replicas) is the number of pods minAvailable v keeps: an
# integer as is, a percentage of the replicas rounded up, as
# intstr.GetScaledValueFromIntOrPercent(v, replicas, true) in the disruption
# controller's getExpectedPodCount.
_required(v, _) := v if is_number(v)

_required(v, replicas) := ceil((to_number(m[1]) * replicas) / 100) if {
	is_string(v)
	m := regex.find_all_string_submatch_n(`^([0-9]+)%$`, v, 1)[0]
}

# _selected holds the replicated controllers of the inventory whose pods the budget selects.
# Looked up among the pods the selector may select, not by scanning the
# namespace: that made a namespace of many budgets and workloads quadratic.
_selected contains {"kind": owner.kind, "name": owner.name, "object": obj} if {
	namespace := inventory.namespace_of(input)
	some owner in inventory.pod_candidates(namespace, input.spec.selector)
	owner.kind in {"Deployment", "StatefulSet", "ReplicaSet"}
	obj := inventory.get(namespace, owner.kind, owner.name)
	workloads.pdb_selects(input, workloads.pod_labels(obj))
}
