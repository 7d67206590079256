# METADATA
# title: Deprecated serviceAccount field
# description: |
#   spec.serviceAccount is a deprecated alias of spec.serviceAccountName, used
#   only when the latter is unset. Keeping it invites the two to drift apart and
#   confuses reviewers about which identity the pod runs as.
# custom:
#   id: KW-POD-003
#   severity: info
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Replace serviceAccount with serviceAccountName in the pod spec.
#   references:
#     - KL deprecated-service-account-field
#     - https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/
#   example: |
#     apiVersion: apps/v1
#     kind: StatefulSet
#     metadata:
#       name: postgres
#     spec:
#       serviceName: postgres
#       selector:
#         matchLabels: {app: postgres}
#       template:
#         metadata:
#           labels: {app: postgres}
#         spec:
#           serviceAccount: postgres
#           containers:
#             - name: postgres
#               image: registry.example.com/db/postgres:16.3
package kubeward.rules.pod.deprecated_service_account

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("the pod sets the deprecated serviceAccount=%s; set serviceAccountName instead and remove serviceAccount.", [json.marshal(v)]),
	"path": array.concat(pods.spec_path, ["serviceAccount"]),
} if {
	v := pods.spec.serviceAccount
	v != null
	v != ""
}
