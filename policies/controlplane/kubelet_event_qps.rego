# METADATA
# title: Kubelet event rate reduced
# description: |
#   eventRecordQPS limits how many events per second the kubelet sends (default
#   50). A low limit drops events under load, exactly when they are needed to
#   understand an incident; 0 means no limit, which CIS accepts.
# custom:
#   id: KW-CP-035
#   severity: info
#   kinds: [KubeletConfiguration]
#   profiles: [cis]
#   remediation: Remove eventRecordQPS (default 50), or set it to 0 or to 50 or more.
#   references:
#     - CIS 4.2.8
#     - https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/
#   example: |
#     apiVersion: kubelet.config.k8s.io/v1beta1
#     kind: KubeletConfiguration
#     authentication:
#       x509:
#         clientCAFile: /etc/kubernetes/pki/ca.crt
#     eventRecordQPS: 5
package kubeward.rules.controlplane.kubelet_event_qps

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("KubeletConfiguration sets eventRecordQPS=%v, below the default of 50 (events are dropped under load); remove it or set it to 0 (no limit) or 50 or more.", [input.eventRecordQPS]),
	"path": ["eventRecordQPS"],
} if {
	cp.is_kubelet_config(input)
	is_number(input.eventRecordQPS)
	input.eventRecordQPS >= 1
	input.eventRecordQPS < 50
}
