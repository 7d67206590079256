# METADATA
# title: Object in default namespace
# description: |
#   The default namespace is where everything lands that names no namespace:
#   objects there share ServiceAccounts, quotas, network policies and RBAC
#   with whatever else is deployed carelessly. Namespaces are the unit of
#   isolation in Kubernetes, so each application should have its own.
# custom:
#   id: KW-NS-001
#   severity: low
#   kinds: [pod-kinds, Service, ConfigMap, Secret, Ingress, ServiceAccount, Role, RoleBinding, PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy]
#   profiles: [cis, nsa]
#   remediation: Create a namespace for the application and set metadata.namespace to it.
#   references:
#     - NSA Network separation / namespaces
#     - CIS 5.6.4
#     - KSV-0110
#     - KL use-namespace
#     - KS C-0061
#     - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
#   example: |
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: web-settings
#       namespace: default
#     data:
#       LOG_LEVEL: info
package kubeward.rules.namespace.default_namespace

import data.kubeward.lib.pods

# The kinds checked besides those that carry a pod.
_kinds := {
	"Service", "ConfigMap", "Secret", "Ingress", "ServiceAccount", "Role", "RoleBinding",
	"PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy",
}

# Objects the cluster itself creates in every namespace, default included.
_built_in := {"Service": "kubernetes", "ConfigMap": "kube-root-ca.crt", "ServiceAccount": "default"}

deny contains {
	"msg": "metadata.namespace is \"default\"; deploy the object to a namespace of its own.",
	"path": ["metadata", "namespace"],
} if {
	input.metadata.namespace == "default"
	_applies
	not _built_in[input.kind] == input.metadata.name
}

_applies if pods.is_pod_kind

_applies if input.kind in _kinds
