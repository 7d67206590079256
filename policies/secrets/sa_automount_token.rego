# METADATA
# title: ServiceAccount automounts token
# description: |
#   Unless a ServiceAccount sets automountServiceAccountToken to false, every
#   pod that runs as it and does not opt out gets an API token mounted, which
#   anyone who compromises a container can use with the ServiceAccount's
#   rights. Pods whose ServiceAccount is in the run are reported here, once,
#   instead of by KW-POD-001.
# custom:
#   id: KW-SEC-011
#   severity: info
#   kinds: [ServiceAccount]
#   profiles: [cis, nsa]
#   remediation: Set automountServiceAccountToken to false on the ServiceAccount and to true only in the pods that call the Kubernetes API.
#   references:
#     - NSA Pod security / protecting Pod service account tokens
#     - CIS 5.1.5
#     - CIS 5.1.6
#     - PO automountServiceAccountToken
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
#   example: |
#     apiVersion: v1
#     kind: ServiceAccount
#     metadata:
#       name: web
#       namespace: shop
package kubeward.rules.secrets.sa_automount_token

import data.kubeward.lib.pss
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("ServiceAccount %q %s; set it to false and opt in only in the pods that call the Kubernetes API.", [workloads.name(input), _found]),
	"path": ["automountServiceAccountToken"],
} if {
	input.kind == "ServiceAccount"
	not input.automountServiceAccountToken == false
}

_found := "sets automountServiceAccountToken=true" if {
	input.automountServiceAccountToken == true
} else := sprintf("sets automountServiceAccountToken to %s, which is not a boolean (treated as unset, default: true)", [pss.quote(input.automountServiceAccountToken)]) if {
	object.get(input, "automountServiceAccountToken", null) != null
} else := "does not set automountServiceAccountToken (default: true)"
