# METADATA
# title: Default ServiceAccount used
# description: |
#   Every pod that names no ServiceAccount runs as the namespace's "default"
#   one, so their tokens share one identity: RBAC granted for one workload is
#   granted to all of them, and a compromise of any pod yields it. Give each
#   workload that calls the API its own ServiceAccount. Static pods (kubeadm's
#   control plane, mirror pods) cannot name a ServiceAccount and are not
#   reported.
# custom:
#   id: KW-POD-002
#   severity: low
#   kinds: [pod-kinds]
#   profiles: [cis]
#   remediation: Create a dedicated ServiceAccount for the workload and set serviceAccountName, or set automountServiceAccountToken to false if the pod does not call the API.
#   references:
#     - CIS 5.1.5
#     - KL default-service-account
#     - https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts
#   example: |
#     apiVersion: batch/v1
#     kind: CronJob
#     metadata:
#       name: nightly-report
#     spec:
#       schedule: "0 2 * * *"
#       jobTemplate:
#         spec:
#           template:
#             spec:
#               restartPolicy: OnFailure
#               containers:
#                 - name: report
#                   image: registry.example.com/analytics/report:4.0.2
package kubeward.rules.pod.default_service_account

import data.kubeward.lib.pods
import data.kubeward.lib.serviceaccounts as sa
import data.kubeward.lib.staticpods

deny contains {
	"msg": sprintf(
		"the pod %s and mounts its token; create a dedicated ServiceAccount and set serviceAccountName, or set automountServiceAccountToken to false.",
		[_found],
	),
	"path": sa.name_path,
} if {
	pods.is_pod_kind
	not staticpods.static(input)
	sa.name == "default"
	sa.automount == true
}

_found := sprintf("sets %s=\"default\"", [sa.name_field]) if sa.name_is_set

else := "does not set serviceAccountName (default: \"default\")"
