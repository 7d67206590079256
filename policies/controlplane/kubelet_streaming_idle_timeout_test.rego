package kubeward.rules.controlplane.kubelet_streaming_idle_timeout_test

import data.kubeward.rules.controlplane.kubelet_streaming_idle_timeout

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_long_timeout_fires if {
	kubelet_streaming_idle_timeout.deny == {{
		"msg": "KubeletConfiguration sets streamingConnectionIdleTimeout=4h0m1s, longer than 4h; set it to 4h or less.",
		"path": ["streamingConnectionIdleTimeout"],
	}} with input as kc({"streamingConnectionIdleTimeout": "4h0m1s"})
}

test_short_or_absent_passes if {
	count(kubelet_streaming_idle_timeout.deny) == 0 with input as kc({})
	count(kubelet_streaming_idle_timeout.deny) == 0 with input as kc({"streamingConnectionIdleTimeout": "4h0m0s"})
	count(kubelet_streaming_idle_timeout.deny) == 0 with input as kc({"streamingConnectionIdleTimeout": "0s"})
	count(kubelet_streaming_idle_timeout.deny) == 0 with input as kc({"streamingConnectionIdleTimeout": "forever"})
}
