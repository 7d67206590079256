# METADATA
# title: Kernel defaults not protected
# description: |
#   With protectKernelDefaults the kubelet refuses to start when the host's
#   kernel tunables (vm.overcommit_memory, kernel.panic and others) differ from
#   what it expects, instead of changing them. Without it, a drift in host
#   configuration goes unnoticed. This was CIS 4.2.6 up to the v1.24 benchmark.
# custom:
#   id: KW-CP-041
#   severity: low
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: "Set protectKernelDefaults: true and set the kernel parameters the kubelet expects on the host (sysctl)."
#   references:
#     - CIS v1.24 4.2.6
#     - kube-bench cis-1.24 4.2.6
#     - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     protectKernelDefaults: false
package kubeward.rules.controlplane.kubelet_protect_kernel_defaults

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "KubeletConfiguration does not set protectKernelDefaults (default: false, the kubelet changes kernel tunables that differ); set it to true.",
	"path": ["protectKernelDefaults"],
} if {
	cp.is_kubelet_config(input)
	object.get(input, "protectKernelDefaults", null) == null
}

deny contains {
	"msg": "KubeletConfiguration sets protectKernelDefaults=false (the kubelet changes kernel tunables that differ); set it to true.",
	"path": ["protectKernelDefaults"],
} if {
	cp.is_kubelet_config(input)
	input.protectKernelDefaults == false
}
