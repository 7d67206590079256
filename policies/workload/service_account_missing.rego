# METADATA
# title: ServiceAccount missing
# description: |
#   Pods that name a ServiceAccount which does not exist are rejected by the
#   API server's ServiceAccount admission, so a controller keeps failing to
#   create them. It is usually a renamed or forgotten account. This needs the
#   whole namespace in the run, so it only reports with --complete.
# custom:
#   id: KW-WRK-021
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Create the ServiceAccount in the pod's namespace, or name one that exists.
#   references:
#     - KL non-existent-service-account
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/
#   example: |
#     apiVersion: batch/v1
#     kind: CronJob
#     metadata:
#       name: ledger-sync
#     spec:
#       schedule: "*/15 * * * *"
#       jobTemplate:
#         spec:
#           template:
#             spec:
#               serviceAccountName: ledger-sync
#               restartPolicy: OnFailure
#               containers:
#                 - name: sync
#                   image: registry.example.com/finance/ledger-sync:1.9.0
package kubeward.rules.workload.service_account_missing

import data.kubeward.lib.inventory
import data.kubeward.lib.pods
import data.kubeward.lib.serviceaccounts

deny contains {
	"msg": sprintf("the pod's %s names ServiceAccount %q, which is not in namespace %q; create it or name one that exists.", [serviceaccounts.name_field, serviceaccounts.name, serviceaccounts.namespace]),
	"path": serviceaccounts.name_path,
} if {
	inventory.complete
	pods.is_pod_kind
	serviceaccounts.name != "default"
	not serviceaccounts.in_inventory
}
