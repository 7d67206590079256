# METADATA
# title: kube-proxy metrics exposed
# description: |
#   kube-proxy serves its metrics without authentication on metricsBindAddress.
#   On a non-loopback address (kubeadm-based guides often use 0.0.0.0:10249 for
#   monitoring), anyone on the network reads the node's Service and endpoint
#   layout. The default is 127.0.0.1:10249.
# custom:
#   id: KW-CP-042
#   severity: low
#   kinds: [KubeProxyConfiguration]
#   profiles: [cis]
#   remediation: Remove metricsBindAddress or set it to 127.0.0.1:10249, and scrape metrics through a local proxy.
#   references:
#     - CIS 4.3.1
#     - https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/
#   example: |
#     apiVersion: kubeproxy.config.k8s.io/v1alpha1
#     kind: KubeProxyConfiguration
#     mode: iptables
#     clusterCIDR: 10.244.0.0/16
#     metricsBindAddress: 0.0.0.0:10249
package kubeward.rules.controlplane.kube_proxy_metrics_bind

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("KubeProxyConfiguration sets metricsBindAddress=%s, which is not a loopback address (metrics are served without authentication); set it to 127.0.0.1:10249.", [input.metricsBindAddress]),
	"path": ["metricsBindAddress"],
} if {
	cp.is_kube_proxy_config(input)
	address := input.metricsBindAddress
	is_string(address)
	address != ""
	not cp.loopback_host(cp.host_of(address))
}
