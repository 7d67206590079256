# METADATA
# title: Workload helpers
# description: |
#   Replicas, autoscaling and disruption budgets of controllers (catalogue
#   sections 1 and 4): the effective replica count, whether an inventory
#   HorizontalPodAutoscaler scales an object, and which PodDisruptionBudgets
#   select a set of pod labels. Stable API for user policies:
#   data.kubeward.lib.workloads.
package kubeward.lib.workloads

import data.kubeward.lib.inventory
import data.kubeward.lib.pods
import data.kubeward.lib.selectors

# name(obj) is obj's metadata.name, for messages ("<unnamed>" when unset).
name(obj) := n if {
	n := obj.metadata.name
	is_string(n)
} else := "<unnamed>"

# replicas(obj) is the effective spec.replicas of a Deployment, ReplicaSet,
# StatefulSet or ReplicationController: the number set, or 1 when unset or
# null. Undefined when it is set to something that is not a number.
replicas(obj) := n if {
	n := obj.spec.replicas
	is_number(n)
} else := 1 if {
	object.get(obj, ["spec", "replicas"], null) == null
}

# hpas_targeting(obj) is the set of names of the inventory
# HorizontalPodAutoscalers in obj's namespace whose scaleTargetRef names obj
# (same kind and name). Their controller owns the replica count.
hpas_targeting(obj) := inventory.scaling(inventory.namespace_of(obj), obj.kind, obj.metadata.name)

# hpa_targeted(obj) holds when an inventory HorizontalPodAutoscaler scales obj.
hpa_targeted(obj) if count(hpas_targeting(obj)) > 0

# pod_labels(obj) is the labels of obj's pods ($meta.labels; {} when unset).
pod_labels(obj) := l if {
	l := pods.meta_of(obj).labels
	is_object(l)
} else := {}

# pdb_selects(pdb, labels) holds when the PodDisruptionBudget's spec.selector
# selects pods with these labels. policy/v1: an empty selector {} selects every
# pod of the namespace, an absent or null one selects none. The removed
# policy/v1beta1 kept its old meaning: an empty selector selects no pods.
pdb_selects(pdb, labels) if {
	sel := pdb.spec.selector
	is_object(sel)
	not _empty_v1beta1(pdb.apiVersion, sel)
	selectors.matches(sel, labels)
}

_empty_v1beta1("policy/v1beta1", sel) if {
	object.get(sel, "matchLabels", {}) in {{}, null}
	object.get(sel, "matchExpressions", []) in {[], null}
}

# matching_pdbs(ns, labels) is the set of names of the inventory
# PodDisruptionBudgets of namespace ns that select pods with these labels.
matching_pdbs(ns, labels) := {pdb_name |
	some pdb_name, pdb in inventory.selecting(ns, "PodDisruptionBudget", labels)
	pdb_selects(pdb, labels)
}
