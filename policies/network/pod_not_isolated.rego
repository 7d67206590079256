# METADATA
# title: Pod not isolated
# description: |
#   A pod that no NetworkPolicy selects accepts connections from every pod of
#   the cluster and may connect anywhere, even when other pods of its namespace
#   are protected. When the namespace has no policy at all and its Namespace is
#   in the run, KW-NET-001 reports it once on the Namespace instead. This needs
#   the whole namespace in the run, so it only reports with --complete. Static
#   pods on the host network (kubeadm's control plane), which no NetworkPolicy
#   can select, are not reported.
# custom:
#   id: KW-NET-002
#   severity: low
#   kinds: [Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController, Pod]
#   profiles: [nsa]
#   remediation: Add a NetworkPolicy whose podSelector matches the pod labels (or a default deny with podSelector {}) in the namespace.
#   references:
#     - NSA Network separation / network policies
#     - KL non-isolated-pod
#     - PO missingNetworkPolicy
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#isolated-and-non-isolated-pods
#   example: |
#     apiVersion: networking.k8s.io/v1
#     kind: NetworkPolicy
#     metadata:
#       name: api-ingress
#       namespace: shop
#     spec:
#       podSelector:
#         matchLabels: {app: api}
#       ingress:
#         - from:
#             - podSelector:
#                 matchLabels: {app: web}
#     ---
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       selector:
#         matchLabels: {app: web}
#       template:
#         metadata:
#           labels: {app: web}
#         spec:
#           containers:
#             - name: web
#               image: registry.example.com/shop/web:1.4.2
package kubeward.rules.network.pod_not_isolated

import data.kubeward.lib.inventory
import data.kubeward.lib.network
import data.kubeward.lib.pods
import data.kubeward.lib.staticpods
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("%s %q: no NetworkPolicy in namespace %q selects its pods; add one whose podSelector matches their labels.", [input.kind, workloads.name(input), namespace]),
	"path": ["metadata", "name"],
} if {
	inventory.complete
	pods.is_pod_or_workload
	not _static_on_host_network
	namespace := inventory.namespace_of(input)
	policies := inventory.objects(namespace, "NetworkPolicy")
	not _reported_on_namespace(namespace, policies)
	labels := workloads.pod_labels(input)
	not _selected(namespace, labels)
}

_selected(namespace, labels) if {
	some np in inventory.selecting(namespace, "NetworkPolicy", labels)
	network.selects(np, labels)
}

# KW-NET-001 reports a namespace without any policy on its Namespace object.
_reported_on_namespace(namespace, policies) if {
	count(policies) == 0
	inventory.cluster_get("Namespace", namespace)
}

_static_on_host_network if {
	staticpods.static(input)
	input.spec.hostNetwork == true
}
