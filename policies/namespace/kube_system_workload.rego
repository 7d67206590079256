# METADATA
# title: Workload in kube-system
# description: |
#   kube-system holds the cluster's own components and the most powerful
#   ServiceAccounts and Secrets; it is usually exempt from Pod Security
#   admission. An application deployed there shares all of that. Components
#   the cluster installs itself are listed in systemWorkloads; static
#   control-plane pods (kube-system, tier: control-plane) belong there.
# custom:
#   id: KW-NS-002
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Deploy the workload to a namespace of its own; if it is a cluster component, add its name to systemWorkloads.
#   references:
#     - KSV-0037
#     - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: web
#       namespace: kube-system
#     spec:
#       selector:
#         matchLabels: {app: web}
#       template:
#         metadata:
#           labels: {app: web}
#         spec:
#           containers:
#             - name: app
#               image: registry.example.com/web:1.4.2
package kubeward.rules.namespace.kube_system_workload

import data.kubeward.lib.namespaces
import data.kubeward.lib.pods
import data.kubeward.lib.staticpods

# systemWorkloads entries: an exact name, or a prefix when it ends in "*".
_entries := [e | some e in data.kubeward.config.systemWorkloads; is_string(e)] if {
	is_array(data.kubeward.config.systemWorkloads)
} else := []

_listed(name) if name in _entries

_listed(name) if {
	some e in _entries
	endswith(e, "*")
	startswith(name, trim_suffix(e, "*"))
}

deny contains {
	"msg": sprintf("metadata.namespace is \"kube-system\", which is for the cluster's own components, and %q is not in systemWorkloads; deploy it to a namespace of its own, or list it in systemWorkloads if it is a cluster component.", [namespaces.name]),
	"path": ["metadata", "namespace"],
} if {
	pods.is_pod_kind
	input.metadata.namespace == "kube-system"
	not _listed(namespaces.name)

	# kubeadm names the manifest kube-apiserver, its mirror pod kube-apiserver-<node>.
	not staticpods.control_plane(input)
}
