# METADATA
# title: Process namespace shared
# description: |
#   With shareProcessNamespace every container of the pod sees the others'
#   processes and can signal them and read their /proc entries, including
#   environment variables and files through /proc/<pid>/root. A compromise of one
#   container then reaches the secrets of all of them.
# custom:
#   id: KW-POD-005
#   severity: low
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Remove shareProcessNamespace from the pod spec or set it to false; use an ephemeral debug container with a target instead.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: api-gateway
#     spec:
#       selector:
#         matchLabels: {app: api-gateway}
#       template:
#         metadata:
#           labels: {app: api-gateway}
#         spec:
#           shareProcessNamespace: true
#           containers:
#             - name: gateway
#               image: registry.example.com/edge/gateway:1.12.0
#             - name: config-reloader
#               image: registry.example.com/edge/config-reloader:0.9.1
package kubeward.rules.pod.share_process_namespace

import data.kubeward.lib.pods

deny contains {
	"msg": "the pod sets shareProcessNamespace=true; remove it or set it to false.",
	"path": array.concat(pods.spec_path, ["shareProcessNamespace"]),
} if {
	pods.spec.shareProcessNamespace == true
}
