# METADATA
# title: Replica count helpers
# description: |
#   How many pods a replicated workload runs at least, HorizontalPodAutoscalers
#   of the inventory included.
#   Stable API for user policies: data.kubeward.lib.replicas.
package kubeward.lib.replicas

import data.kubeward.lib.inventory
import data.kubeward.lib.workloads

# floor(obj) is the fewest replicas obj runs: for a workload an inventory
# HorizontalPodAutoscaler scales, the lowest spec.minReplicas of those HPAs
# (default 1), since the HPA controller rewrites spec.replicas and never goes
# below it; otherwise workloads.replicas(obj).
floor(obj) := min(mins) if {
	workloads.hpa_targeted(obj)
	hpas := inventory.objects(inventory.namespace_of(obj), "HorizontalPodAutoscaler")
	mins := {min_replicas(hpas[name]) | some name in workloads.hpas_targeting(obj)}
	count(mins) > 0
} else := workloads.replicas(obj) if {
	not workloads.hpa_targeted(obj)
}

# min_replicas(hpa) is an HPA's spec.minReplicas: 1 when unset or null,
# undefined when it is no number.
min_replicas(hpa) := n if {
	n := hpa.spec.minReplicas
	is_number(n)
} else := 1 if {
	object.get(hpa, ["spec", "minReplicas"], null) == null
}
