# METADATA
# title: Kubelet iptables util chains off
# description: |
#   With makeIPTablesUtilChains the kubelet keeps its iptables utility chains
#   (such as the one that drops martian packets to localhost NodePorts) in
#   place. Turning it off leaves them to whatever else manages the host
#   firewall, and they can silently go missing.
# custom:
#   id: KW-CP-034
#   severity: low
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: Remove makeIPTablesUtilChains from the KubeletConfiguration or set it to true.
#   references:
#     - CIS 4.2.6
#     - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     makeIPTablesUtilChains: false
package kubeward.rules.controlplane.kubelet_iptables_util_chains

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": "KubeletConfiguration sets makeIPTablesUtilChains=false (the kubelet does not keep its iptables chains); remove it or set it to true.",
	"path": ["makeIPTablesUtilChains"],
} if {
	cp.is_kubelet_config(input)
	input.makeIPTablesUtilChains == false
}
