package kubeward.rules.controlplane.kubelet_authorization_always_allow_test

import data.kubeward.rules.controlplane.kubelet_authorization_always_allow

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_always_allow_fires if {
	kubelet_authorization_always_allow.deny == {{
		"msg": "KubeletConfiguration sets authorization.mode=AlwaysAllow (every request to the kubelet is allowed); set it to Webhook.",
		"path": ["authorization", "mode"],
	}} with input as kc({"authorization": {"mode": "AlwaysAllow"}})
}

test_webhook_or_absent_passes if {
	count(kubelet_authorization_always_allow.deny) == 0 with input as kc({})
	count(kubelet_authorization_always_allow.deny) == 0 with input as kc({"authorization": {"mode": "Webhook"}})
}
