package kubeward.lib.workloads_test

import data.kubeward.lib.workloads

test_name if {
	workloads.name({"metadata": {"name": "web"}}) == "web"
	workloads.name({"metadata": {"name": 3}}) == "<unnamed>"
	workloads.name({}) == "<unnamed>"
}

test_replicas if {
	workloads.replicas({"spec": {"replicas": 3}}) == 3
	workloads.replicas({"spec": {"replicas": 0}}) == 0
	workloads.replicas({"spec": {}}) == 1
	workloads.replicas({"spec": {"replicas": null}}) == 1
	workloads.replicas({}) == 1
	workloads.replicas({"spec": "bad"}) == 1
	not workloads.replicas({"spec": {"replicas": "3"}})
}

hpa(target_kind, target_name) := {
	"kind": "HorizontalPodAutoscaler",
	"spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": target_kind, "name": target_name}},
}

inv := {"namespaced": {
	"shop": {
		"HorizontalPodAutoscaler": {
			"web-hpa": hpa("Deployment", "web"),
			"other": hpa("StatefulSet", "web"),
			"broken": {"kind": "HorizontalPodAutoscaler", "spec": {"scaleTargetRef": "web"}},
		},
		"PodDisruptionBudget": {
			"all": {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "spec": {"selector": {}}},
			"web": {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "spec": {"selector": {"matchLabels": {"app": "web"}}}},
			"none": {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "spec": {}},
			"null": {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "spec": {"selector": null}},
			"old-empty": {"apiVersion": "policy/v1beta1", "kind": "PodDisruptionBudget", "spec": {"selector": {"matchLabels": {}}}},
			"old-web": {"apiVersion": "policy/v1beta1", "kind": "PodDisruptionBudget", "spec": {"selector": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["web"]}]}}},
		},
	},
	"default": {"HorizontalPodAutoscaler": {"web": hpa("Deployment", "web")}},
}}

test_hpa_targeted_same_kind_name_and_namespace if {
	dep := {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}}
	workloads.hpas_targeting(dep) == {"web-hpa"} with data.kubeward.inventory as inv
	workloads.hpa_targeted(dep) with data.kubeward.inventory as inv
	sts := {"kind": "StatefulSet", "metadata": {"name": "web", "namespace": "shop"}}
	workloads.hpas_targeting(sts) == {"other"} with data.kubeward.inventory as inv
	not workloads.hpa_targeted({"kind": "Deployment", "metadata": {"name": "api", "namespace": "shop"}}) with data.kubeward.inventory as inv
	not workloads.hpa_targeted({"kind": "ReplicaSet", "metadata": {"name": "web", "namespace": "shop"}}) with data.kubeward.inventory as inv
}

test_hpa_namespace_defaults_to_default if {
	workloads.hpa_targeted({"kind": "Deployment", "metadata": {"name": "web"}}) with data.kubeward.inventory as inv
	not workloads.hpa_targeted({"kind": "Deployment", "metadata": {"name": "web", "namespace": "other"}}) with data.kubeward.inventory as inv
	not workloads.hpa_targeted({"kind": "Deployment", "metadata": {"name": "web"}})
}

test_pod_labels if {
	workloads.pod_labels({"kind": "Deployment", "spec": {"template": {"metadata": {"labels": {"app": "web"}}}}}) == {"app": "web"}
	workloads.pod_labels({"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"labels": {"a": "b"}}}}}}}) == {"a": "b"}
	workloads.pod_labels({"kind": "Pod", "metadata": {"labels": "bad"}}) == {}
	workloads.pod_labels({"kind": "Service", "metadata": {"labels": {"a": "b"}}}) == {}
}

test_pdb_selects_v1 if {
	pdbs := inv.namespaced.shop.PodDisruptionBudget
	workloads.pdb_selects(pdbs.all, {})
	workloads.pdb_selects(pdbs.all, {"app": "x"})
	workloads.pdb_selects(pdbs.web, {"app": "web", "tier": "fe"})
	not workloads.pdb_selects(pdbs.web, {"app": "api"})
	not workloads.pdb_selects(pdbs.none, {"app": "web"})
	not workloads.pdb_selects(pdbs.null, {"app": "web"})
}

test_pdb_selects_v1beta1 if {
	pdbs := inv.namespaced.shop.PodDisruptionBudget
	not workloads.pdb_selects(pdbs["old-empty"], {"app": "web"})
	workloads.pdb_selects(pdbs["old-web"], {"app": "web"})
	not workloads.pdb_selects(pdbs["old-web"], {"app": "api"})
}

test_matching_pdbs if {
	workloads.matching_pdbs("shop", {"app": "web"}) == {"all", "web", "old-web"} with data.kubeward.inventory as inv
	workloads.matching_pdbs("shop", {"app": "api"}) == {"all"} with data.kubeward.inventory as inv
	workloads.matching_pdbs("default", {"app": "web"}) == set() with data.kubeward.inventory as inv
}

test_pdb_selects_ignores_wrong_types if {
	not workloads.pdb_selects({"apiVersion": "policy/v1beta1", "spec": {"selector": "app=web"}}, {"app": "web"})
	not workloads.pdb_selects({"apiVersion": "policy/v1beta1", "spec": {"selector": {"matchLabels": null}}}, {"app": "web"})
	workloads.pdb_selects({"apiVersion": "policy/v1beta1", "spec": {"selector": {"matchLabels": {"app": "web"}, "matchExpressions": []}}}, {"app": "web"})
}
