# METADATA
# title: Controller-manager or scheduler not bound to loopback
# description: |
#   The controller manager and scheduler serve health, metrics and (with
#   profiling) debug endpoints on --bind-address, which defaults to 0.0.0.0:
#   every interface of a host-network control-plane node. Binding them to
#   loopback keeps those endpoints off the network; kube-bench passes an unset
#   flag, but the upstream default is all interfaces.
# custom:
#   id: KW-CP-023
#   severity: medium
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --bind-address=127.0.0.1 on kube-controller-manager and kube-scheduler.
#   references:
#     - CIS 1.3.7
#     - CIS 1.4.2
#     - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/
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
#             - --bind-address=0.0.0.0
#             - --kubeconfig=/etc/kubernetes/scheduler.conf
#             - --profiling=false
package kubeward.rules.controlplane.bind_address_not_loopback

import data.kubeward.lib.controlplane as cp

_components := cp.controller_managers | cp.schedulers

deny contains {
	"msg": sprintf("container %q %s (default: 0.0.0.0, every interface); set --bind-address=127.0.0.1.", [c.name, cp.unset_text(c, "bind-address")]),
	"path": cp.unset_path(c, "bind-address"),
} if {
	some c in _components
	not cp.is_set(c, "bind-address")
}

deny contains {
	"msg": sprintf("container %q sets %s, which is not a loopback address; set it to 127.0.0.1.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in _components
	cp.is_set(c, "bind-address")
	f := cp.flag(c, "bind-address")
	not cp.loopback_host(f.value)
}
