package kubeward.rules.controlplane.kubelet_event_qps_test

import data.kubeward.rules.controlplane.kubelet_event_qps

kc(fields) := object.union({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"}, fields)

test_low_rate_fires if {
	kubelet_event_qps.deny == {{
		"msg": "KubeletConfiguration sets eventRecordQPS=49, below the default of 50 (events are dropped under load); remove it or set it to 0 (no limit) or 50 or more.",
		"path": ["eventRecordQPS"],
	}} with input as kc({"eventRecordQPS": 49})
	count(kubelet_event_qps.deny) == 1 with input as kc({"eventRecordQPS": 1})
}

test_default_zero_or_high_passes if {
	count(kubelet_event_qps.deny) == 0 with input as kc({})
	count(kubelet_event_qps.deny) == 0 with input as kc({"eventRecordQPS": 0})
	count(kubelet_event_qps.deny) == 0 with input as kc({"eventRecordQPS": 50})
	count(kubelet_event_qps.deny) == 0 with input as kc({"eventRecordQPS": 100})
}
