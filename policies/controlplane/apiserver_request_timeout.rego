# METADATA
# title: Unusual request timeout
# description: |
#   --request-timeout bounds how long the API server works on one request
#   (default 1m0s). A very long timeout lets slow or hanging requests pile up
#   and exhaust the server; a value that is not a positive Go duration stops it
#   from starting.
# custom:
#   id: KW-CP-012
#   severity: info
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Remove --request-timeout (default 1m0s) or set a Go duration between 0 and 5m.
#   references:
#     - CIS 1.2.20
#     - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: kube-apiserver
#       namespace: kube-system
#       labels: {component: kube-apiserver, tier: control-plane}
#     spec:
#       hostNetwork: true
#       priorityClassName: system-node-critical
#       containers:
#         - name: kube-apiserver
#           image: registry.k8s.io/kube-apiserver:v1.34.1
#           command:
#             - kube-apiserver
#             - --authorization-mode=Node,RBAC
#             - --request-timeout=30m
package kubeward.rules.controlplane.apiserver_request_timeout

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q sets %s, %s; remove it (default: 1m0s) or set a duration up to 5m.", [c.name, f.display, _problem(f.value)]),
	"path": f.path,
} if {
	some c in cp.apiservers
	f := cp.flag(c, "request-timeout")
}

_problem(v) := "which is not a Go duration" if {
	not cp.duration_ns(v)
} else := "which is not positive" if {
	cp.duration_ns(v) <= 0
} else := "longer than 5m" if {
	cp.duration_ns(v) > 300000000000
}
