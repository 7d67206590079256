# METADATA
# title: Service selects no pods
# description: |
#   A Service whose selector matches no pod has no endpoints: clients get
#   connection refused or time out. It is usually a label typo or a Service left
#   behind by a removed workload. This needs the whole namespace in the run, so
#   it only reports with --complete.
# custom:
#   id: KW-NET-012
#   severity: medium
#   kinds: [Service]
#   profiles: []
#   remediation: Make spec.selector match the pod labels of the workload the Service fronts, or remove the Service.
#   references:
#     - KL dangling-service
#     - https://kubernetes.io/docs/concepts/services-networking/service/#services-in-kubernetes
#   example: |
#     apiVersion: v1
#     kind: Service
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       selector: {app: web}
#       ports:
#         - port: 80
#           targetPort: 8080
#     ---
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       selector:
#         matchLabels: {app: webapp}
#       template:
#         metadata:
#           labels: {app: webapp}
#         spec:
#           containers:
#             - name: web
#               image: registry.example.com/shop/web:1.4.2
package kubeward.rules.network.service_selects_no_pods

import data.kubeward.lib.inventory
import data.kubeward.lib.network
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Service %q spec.selector %s selects no pods in namespace %q; make it match the labels of the pods it fronts, or remove the Service.", [workloads.name(input), json.marshal(selector), namespace]),
	"path": ["spec", "selector"],
} if {
	inventory.complete
	input.kind == "Service"
	selector := network.service_selector(input)
	namespace := inventory.namespace_of(input)
	count(inventory.pods_matching_map(namespace, selector)) == 0
}
