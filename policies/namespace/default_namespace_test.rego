package kubeward.rules.namespace.default_namespace_test

import data.kubeward.rules.namespace.default_namespace

test_deployment_in_default if {
	got := default_namespace.deny with input as {"kind": "Deployment", "metadata": {"name": "web", "namespace": "default"}, "spec": {}}
	got == {{
		"msg": "metadata.namespace is \"default\"; deploy the object to a namespace of its own.",
		"path": ["metadata", "namespace"],
	}}
}

test_every_listed_kind if {
	every kind in ["Pod", "CronJob", "Service", "ConfigMap", "Secret", "Ingress", "ServiceAccount", "Role", "RoleBinding", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy"] {
		count(default_namespace.deny) == 1 with input as {"kind": kind, "metadata": {"name": "x", "namespace": "default"}}
	}
}

test_namespace_unset_or_other_passes if {
	count(default_namespace.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "web"}}
	count(default_namespace.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}}
	count(default_namespace.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "web", "namespace": ""}}
}

test_built_in_objects_pass if {
	count(default_namespace.deny) == 0 with input as {"kind": "Service", "metadata": {"name": "kubernetes", "namespace": "default"}}
	count(default_namespace.deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "kube-root-ca.crt", "namespace": "default"}}
	count(default_namespace.deny) == 0 with input as {"kind": "ServiceAccount", "metadata": {"name": "default", "namespace": "default"}}

	# The names are exempt only for their kind.
	count(default_namespace.deny) == 1 with input as {"kind": "ConfigMap", "metadata": {"name": "kubernetes", "namespace": "default"}}
}

test_other_kinds_pass if {
	count(default_namespace.deny) == 0 with input as {"kind": "ClusterRoleBinding", "metadata": {"name": "x", "namespace": "default"}}
	count(default_namespace.deny) == 0 with input as {"kind": "Namespace", "metadata": {"name": "default"}}
}
