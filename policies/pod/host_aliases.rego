# METADATA
# title: hostAliases set
# description: |
#   hostAliases writes fixed entries into every container's /etc/hosts. They
#   bypass DNS, go stale silently when addresses change, and can redirect names
#   the workload trusts; managed hosts files also stop the runtime from updating them.
# custom:
#   id: KW-POD-004
#   severity: low
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Remove hostAliases and resolve the names through DNS (a Service, an ExternalName Service or the cluster's DNS).
#   references:
#     - KSV-0007
#     - https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: billing
#     spec:
#       selector:
#         matchLabels: {app: billing}
#       template:
#         metadata:
#           labels: {app: billing}
#         spec:
#           hostAliases:
#             - ip: "10.20.0.15"
#               hostnames: [legacy-db.internal]
#           containers:
#             - name: billing
#               image: registry.example.com/finance/billing:3.8.0
package kubeward.rules.pod.host_aliases

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("the pod sets hostAliases (%s); remove them and resolve the names through DNS instead.", [_entries(count(v))]),
	"path": array.concat(pods.spec_path, ["hostAliases"]),
} if {
	v := pods.spec.hostAliases
	is_array(v)
	count(v) > 0
}

_entries(1) := "1 entry"

_entries(n) := sprintf("%d entries", [n]) if n != 1
