package kubeward.rules.workload.removed_api_test

import data.kubeward.rules.workload.removed_api

test_extensions_deployment if {
	got := removed_api.deny with input as {"apiVersion": "extensions/v1beta1", "kind": "Deployment", "metadata": {"name": "web"}}
	got == {{
		"msg": "Deployment uses apiVersion \"extensions/v1beta1\", which was removed in Kubernetes 1.16; use apps/v1 instead.",
		"path": ["apiVersion"],
	}}
}

test_any_kind_row if {
	got := removed_api.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1beta1", "kind": "ClusterRoleBinding"}
	{f.msg | some f in got} == {"ClusterRoleBinding uses apiVersion \"rbac.authorization.k8s.io/v1beta1\", which was removed in Kubernetes 1.22; use rbac.authorization.k8s.io/v1 instead."}
	count(removed_api.deny) == 1 with input as {"apiVersion": "apps/v1beta2", "kind": "StatefulSet"}
}

test_later_removals if {
	{f.msg | some f in removed_api.deny} == {"CronJob uses apiVersion \"batch/v1beta1\", which was removed in Kubernetes 1.25; use batch/v1 instead."} with input as {"apiVersion": "batch/v1beta1", "kind": "CronJob"}
	{f.msg | some f in removed_api.deny} == {"HorizontalPodAutoscaler uses apiVersion \"autoscaling/v2beta2\", which was removed in Kubernetes 1.26; use autoscaling/v2 instead."} with input as {"apiVersion": "autoscaling/v2beta2", "kind": "HorizontalPodAutoscaler"}
	{f.msg | some f in removed_api.deny} == {"PriorityLevelConfiguration uses apiVersion \"flowcontrol.apiserver.k8s.io/v1beta3\", which was removed in Kubernetes 1.32; use flowcontrol.apiserver.k8s.io/v1 instead."} with input as {"apiVersion": "flowcontrol.apiserver.k8s.io/v1beta3", "kind": "PriorityLevelConfiguration"}
}

test_no_replacement if {
	got := removed_api.deny with input as {"apiVersion": "policy/v1beta1", "kind": "PodSecurityPolicy"}
	got == {{
		"msg": "PodSecurityPolicy uses apiVersion \"policy/v1beta1\", which was removed in Kubernetes 1.25; it has no replacement, so remove the object.",
		"path": ["apiVersion"],
	}}
}

test_current_versions_pass if {
	count(removed_api.deny) == 0 with input as {"apiVersion": "apps/v1", "kind": "Deployment"}
	count(removed_api.deny) == 0 with input as {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget"}
	count(removed_api.deny) == 0 with input as {"apiVersion": "policy/v1beta1", "kind": "Eviction"}
	count(removed_api.deny) == 0 with input as {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress"}
	count(removed_api.deny) == 0 with input as {"kind": "Pod"}
	count(removed_api.deny) == 0 with input as {"apiVersion": ["apps/v1beta1"], "kind": "Deployment"}
}

test_judged_against_the_target_release if {
	ing := {"apiVersion": "extensions/v1beta1", "kind": "Ingress", "metadata": {"name": "web"}}
	count(removed_api.deny) == 1 with input as ing with data.kubeward.config.kubeVersion as "1.22"
	count(removed_api.deny) == 1 with input as ing with data.kubeward.config.kubeVersion as "1.35"
	count(removed_api.deny) == 0 with input as ing with data.kubeward.config.kubeVersion as "1.21"
	count(removed_api.deny) == 0 with input as {"apiVersion": "batch/v1beta1", "kind": "CronJob"} with data.kubeward.config.kubeVersion as "1.24"
}
