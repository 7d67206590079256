# METADATA
# title: Terminated-pod GC threshold left at default
# description: |
#   The controller manager deletes terminated pods only when more than
#   --terminated-pod-gc-threshold of them exist (default 12500). Until then
#   finished pods, their logs and their status stay in etcd and slow down list
#   calls; a value of 0 or less disables the collector.
# custom:
#   id: KW-CP-019
#   severity: info
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --terminated-pod-gc-threshold to a positive number suited to the cluster, e.g. 1000.
#   references:
#     - CIS 1.3.1
#     - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: kube-controller-manager
#       namespace: kube-system
#       labels: {component: kube-controller-manager, tier: control-plane}
#     spec:
#       hostNetwork: true
#       priorityClassName: system-node-critical
#       containers:
#         - name: kube-controller-manager
#           image: registry.k8s.io/kube-controller-manager:v1.34.1
#           command:
#             - kube-controller-manager
#             - --bind-address=127.0.0.1
#             - --kubeconfig=/etc/kubernetes/controller-manager.conf
#             - --use-service-account-credentials=true
package kubeward.rules.controlplane.kcm_terminated_pod_gc

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: 12500 terminated pods are kept); set it to a positive number suited to the cluster, e.g. 1000.", [c.name, cp.unset_text(c, "terminated-pod-gc-threshold")]),
	"path": cp.unset_path(c, "terminated-pod-gc-threshold"),
} if {
	some c in cp.controller_managers
	not cp.is_set(c, "terminated-pod-gc-threshold")
}

deny contains {
	"msg": sprintf("container %q sets %s, which is not a positive number (0 or less disables the terminated-pod collector); set a positive number, e.g. 1000.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.controller_managers
	cp.is_set(c, "terminated-pod-gc-threshold")
	f := cp.flag(c, "terminated-pod-gc-threshold")
	not _positive(f.value)
}

_positive(v) if {
	regex.match(`^[0-9]+$`, v)
	to_number(v) > 0
}
