# METADATA
# title: RuntimeDefault seccomp not defaulted
# description: |
#   With seccompDefault the kubelet runs every container that does not ask for a
#   seccomp profile under the runtime's default profile, which blocks dozens of
#   rarely needed and often exploited system calls. It is off by default, so
#   such containers run Unconfined.
# custom:
#   id: KW-CP-040
#   severity: low
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: "Set seccompDefault: true in the KubeletConfiguration (test workloads first)."
#   references:
#     - CIS 4.2.14
#     - https://kubernetes.io/docs/tutorials/security/seccomp/#enable-the-use-of-runtimedefault-as-the-default-seccomp-profile-for-all-workloads
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     seccompDefault: false
package kubeward.rules.controlplane.kubelet_seccomp_default

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "KubeletConfiguration does not set seccompDefault (default: false, containers without a profile run Unconfined); set it to true.",
	"path": ["seccompDefault"],
} if {
	cp.is_kubelet_config(input)
	object.get(input, "seccompDefault", null) == null
}

deny contains {
	"msg": "KubeletConfiguration sets seccompDefault=false (containers without a profile run Unconfined); set it to true.",
	"path": ["seccompDefault"],
} if {
	cp.is_kubelet_config(input)
	input.seccompDefault == false
}
