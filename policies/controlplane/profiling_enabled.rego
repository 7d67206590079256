# METADATA
# title: Profiling endpoint enabled
# description: |
#   With --profiling on (the default), the API server, controller manager and
#   scheduler serve Go's pprof data under /debug/pprof. It reveals program
#   internals and lets anyone who is allowed to read it start CPU-heavy
#   profiles; it is rarely needed in production.
# custom:
#   id: KW-CP-009
#   severity: low
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --profiling=false on kube-apiserver, kube-controller-manager and kube-scheduler.
#   references:
#     - CIS 1.2.15
#     - CIS 1.3.2
#     - CIS 1.4.1
#     - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: kube-scheduler
#       namespace: kube-system
#       labels: {component: kube-scheduler, tier: control-plane}
#     spec:
#       hostNetwork: true
#       priorityClassName: system-node-critical
#       containers:
#         - name: kube-scheduler
#           image: registry.k8s.io/kube-scheduler:v1.34.1
#           command:
#             - kube-scheduler
#             - --bind-address=127.0.0.1
#             - --kubeconfig=/etc/kubernetes/scheduler.conf
#             - --leader-elect=true
package kubeward.rules.controlplane.profiling_enabled

import data.kubeward.lib.controlplane as cp

_components := (cp.apiservers | cp.controller_managers) | cp.schedulers

deny contains {
	"msg": sprintf("container %q %s (default: true, /debug/pprof is served); set --profiling=false.", [c.name, cp.unset_text(c, "profiling")]),
	"path": cp.unset_path(c, "profiling"),
} if {
	some c in _components
	not cp.is_set(c, "profiling")
}

deny contains {
	"msg": sprintf("container %q sets %s (/debug/pprof is served); set it to false.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in _components
	cp.bool_value(c, "profiling") == true
	f := cp.flag(c, "profiling")
}
