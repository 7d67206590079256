# METADATA
# title: Long kubelet streaming idle timeout
# description: |
#   streamingConnectionIdleTimeout closes exec, attach and port-forward streams
#   that stay idle; a long timeout keeps forgotten sessions open and lets idle
#   connections exhaust the kubelet. CIS asks for at most 4h; the file cannot
#   say "never", since defaulting turns 0 into 4h.
# custom:
#   id: KW-CP-033
#   severity: low
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: Remove streamingConnectionIdleTimeout (default 4h) or set it to 4h or less, e.g. 5m.
#   references:
#     - CIS 4.2.5
#     - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     streamingConnectionIdleTimeout: 24h
package kubeward.rules.controlplane.kubelet_streaming_idle_timeout

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("KubeletConfiguration sets streamingConnectionIdleTimeout=%s, longer than 4h; set it to 4h or less.", [input.streamingConnectionIdleTimeout]),
	"path": ["streamingConnectionIdleTimeout"],
} if {
	cp.is_kubelet_config(input)
	cp.duration_ns(input.streamingConnectionIdleTimeout) > 14400000000000
}
