package kubeward.rules.controlplane.kubelet_anonymous_auth_test

import data.kubeward.rules.controlplane.kubelet_anonymous_auth

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_enabled_fires if {
	kubelet_anonymous_auth.deny == {{
		"msg": "KubeletConfiguration sets authentication.anonymous.enabled=true (requests without credentials are served); set it to false.",
		"path": ["authentication", "anonymous", "enabled"],
	}} with input as kc({"authentication": {"anonymous": {"enabled": true}}})
}

test_absent_or_false_passes if {
	count(kubelet_anonymous_auth.deny) == 0 with input as kc({})
	count(kubelet_anonymous_auth.deny) == 0 with input as kc({"authentication": {"anonymous": {"enabled": false}}})
	count(kubelet_anonymous_auth.deny) == 0 with input as kc({"authentication": {"anonymous": {"enabled": "true"}}})
	count(kubelet_anonymous_auth.deny) == 0 with input as object.union(kc({"authentication": {"anonymous": {"enabled": true}}}), {"apiVersion": "kubelet.config.k8s.io/v1alpha1"})
}
