# METADATA
# title: Removed API version
# description: |
#   Kubernetes stops serving an API version some releases after deprecating
#   it. A manifest that still uses a removed apiVersion is rejected by every
#   cluster from that release on, so deploys and upgrades fail. The table of
#   removed versions lives in data.kubeward.lib.apis. An apiVersion is judged
#   against the target release, data.kubeward.config.kubeVersion (set by
#   --kube-version; "" = the newest release kubeward knows, where every
#   removal of the table applies).
# custom:
#   id: KW-WRK-015
#   severity: high
#   profiles: []
#   remediation: Move the object to the replacement apiVersion named in the finding and adapt the fields that changed with it.
#   references:
#     - KSV-0107
#     - KL no-extensions-v1beta
#     - https://kubernetes.io/docs/reference/using-api/deprecation-guide/
#   example: |
#     apiVersion: batch/v1beta1
#     kind: CronJob
#     metadata:
#       name: invoice-mailer
#     spec:
#       schedule: "0 6 * * 1"
#       jobTemplate:
#         spec:
#           template:
#             spec:
#               restartPolicy: OnFailure
#               containers:
#                 - name: mailer
#                   image: registry.example.com/finance/invoice-mailer:1.1.0
package kubeward.rules.workload.removed_api

import data.kubeward.lib.apis

default target := ""

target := data.kubeward.config.kubeVersion

deny contains {
	"msg": sprintf("%s uses apiVersion %q, which was removed in Kubernetes %s; %s.", [input.kind, input.apiVersion, removal.removedIn, _advice(removal.replacement)]),
	"path": ["apiVersion"],
} if {
	# Most objects use a served version: stop at the table lookup, before
	# the call (whose two arguments OPA hashes for its cache).
	apis.removed[input.apiVersion]
	removal := apis.removal(input.apiVersion, input.kind)
	apis.removed_by(removal.removedIn, target)
}

_advice(replacement) := sprintf("use %s instead", [replacement]) if replacement != ""

else := "it has no replacement, so remove the object"
