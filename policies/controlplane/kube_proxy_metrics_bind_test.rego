package kubeward.rules.controlplane.kube_proxy_metrics_bind_test

import data.kubeward.rules.controlplane.kube_proxy_metrics_bind

kpc(fields) := object.union({"apiVersion": "kubeproxy.config.k8s.io/v1alpha1", "kind": "KubeProxyConfiguration"}, fields)

test_all_interfaces_fires if {
	kube_proxy_metrics_bind.deny == {{
		"msg": "KubeProxyConfiguration sets metricsBindAddress=0.0.0.0:10249, which is not a loopback address (metrics are served without authentication); set it to 127.0.0.1:10249.",
		"path": ["metricsBindAddress"],
	}} with input as kpc({"metricsBindAddress": "0.0.0.0:10249"})
	count(kube_proxy_metrics_bind.deny) == 1 with input as kpc({"metricsBindAddress": ":10249"})
	count(kube_proxy_metrics_bind.deny) == 1 with input as kpc({"metricsBindAddress": "[::]:10249"})
	count(kube_proxy_metrics_bind.deny) == 1 with input as kpc({"metricsBindAddress": "192.168.0.10"})
}

test_loopback_or_default_passes if {
	count(kube_proxy_metrics_bind.deny) == 0 with input as kpc({})
	count(kube_proxy_metrics_bind.deny) == 0 with input as kpc({"metricsBindAddress": ""})
	count(kube_proxy_metrics_bind.deny) == 0 with input as kpc({"metricsBindAddress": "127.0.0.1:10249"})
	count(kube_proxy_metrics_bind.deny) == 0 with input as kpc({"metricsBindAddress": "[::1]:10249"})
	count(kube_proxy_metrics_bind.deny) == 0 with input as kpc({"metricsBindAddress": "localhost:10249"})
	count(kube_proxy_metrics_bind.deny) == 0 with input as object.union(kpc({"metricsBindAddress": "0.0.0.0:10249"}), {"apiVersion": "kubeproxy.config.k8s.io/v1beta1"})
}
