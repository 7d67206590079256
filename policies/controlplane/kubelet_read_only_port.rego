# METADATA
# title: Kubelet read-only port open
# description: |
#   readOnlyPort serves the kubelet's pod list, node specs and metrics over
#   plain HTTP without authentication or authorization (historically on 10255).
#   Anyone on the network learns every pod, image and environment layout of the
#   node. The v1beta1 file default is 0 (off).
# custom:
#   id: KW-CP-032
#   severity: medium
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: Remove readOnlyPort from the KubeletConfiguration or set it to 0.
#   references:
#     - CIS 4.2.4
#     - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     readOnlyPort: 10255
package kubeward.rules.controlplane.kubelet_read_only_port

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("KubeletConfiguration sets readOnlyPort=%v (pod and node data are served without authentication); remove it or set it to 0.", [input.readOnlyPort]),
	"path": ["readOnlyPort"],
} if {
	cp.is_kubelet_config(input)
	is_number(input.readOnlyPort)
	input.readOnlyPort > 0
}
