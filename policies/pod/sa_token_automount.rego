# METADATA
# title: SA token automounted
# description: |
#   A mounted ServiceAccount token lets anyone who compromises the container
#   call the Kubernetes API with the ServiceAccount's rights. Most workloads never
#   talk to the API server and should not carry a token. When the pod leaves the
#   field unset and its ServiceAccount is in the run, KW-SEC-011 reports it once on
#   the ServiceAccount instead. Static pods (kubeadm's control plane, mirror
#   pods) get no token and are not reported.
# custom:
#   id: KW-POD-001
#   severity: info
#   kinds: [pod-kinds]
#   profiles: [cis, nsa]
#   remediation: Set automountServiceAccountToken to false in the pod spec (or on its ServiceAccount) unless the pod calls the Kubernetes API.
#   references:
#     - NSA Pod security / protecting Pod service account tokens
#     - CIS 5.1.6
#     - KSV-0036
#     - PO automountServiceAccountToken
#     - KS C-0034
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: orders-api
#     spec:
#       selector:
#         matchLabels: {app: orders-api}
#       template:
#         metadata:
#           labels: {app: orders-api}
#         spec:
#           serviceAccountName: orders-api
#           automountServiceAccountToken: true
#           containers:
#             - name: api
#               image: registry.example.com/shop/orders-api:2.3.1
package kubeward.rules.pod.sa_token_automount

import data.kubeward.lib.pods
import data.kubeward.lib.serviceaccounts as sa
import data.kubeward.lib.staticpods

deny contains {
	"msg": "the pod sets automountServiceAccountToken=true; set it to false unless the pod calls the Kubernetes API.",
	"path": sa.automount_path,
} if {
	pods.is_pod_kind
	not staticpods.static(input)
	pods.spec.automountServiceAccountToken == true
}

deny contains {
	"msg": sprintf(
		"the pod does not set automountServiceAccountToken (default: true) and its ServiceAccount %q is not in the inventory of namespace %q; set it to false unless the pod calls the Kubernetes API.",
		[sa.name, sa.namespace],
	),
	"path": sa.automount_path,
} if {
	pods.is_pod_kind
	not staticpods.static(input)
	not sa.pod_sets_automount
	not sa.in_inventory
}
