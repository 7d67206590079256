# METADATA
# title: No per-pod PID limit
# description: |
#   podPidsLimit caps the processes one pod may run. Without it (defaulting
#   turns an unset or negative value into -1, unlimited), one pod's fork bomb
#   exhausts the node's PIDs and takes down the kubelet and every other pod on
#   the node.
# custom:
#   id: KW-CP-039
#   severity: low
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: Set podPidsLimit to a positive number suited to the workloads, e.g. 4096.
#   references:
#     - CIS 4.2.13
#     - https://kubernetes.io/docs/concepts/policy/pid-limiting/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     podPidsLimit: -1
package kubeward.rules.controlplane.kubelet_pod_pids_limit

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "KubeletConfiguration does not set podPidsLimit (default: -1, unlimited); set it to a positive number, e.g. 4096.",
	"path": ["podPidsLimit"],
} if {
	cp.is_kubelet_config(input)
	object.get(input, "podPidsLimit", null) == null
}

deny contains {
	"msg": sprintf("KubeletConfiguration sets podPidsLimit=%v (unlimited); set it to a positive number, e.g. 4096.", [input.podPidsLimit]),
	"path": ["podPidsLimit"],
} if {
	cp.is_kubelet_config(input)
	is_number(input.podPidsLimit)
	input.podPidsLimit <= 0
}
