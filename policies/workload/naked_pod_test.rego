package kubeward.rules.workload.naked_pod_test

import data.kubeward.rules.workload.naked_pod

test_naked_pod if {
	got := naked_pod.deny with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
	got == {{
		"msg": "Pod \"p\" does not set metadata.ownerReferences (default: no controller recreates it when it fails or its node goes away); run it from a Deployment, StatefulSet, DaemonSet or Job.",
		"path": ["metadata", "ownerReferences"],
	}}
}

test_empty_or_null_owner_references if {
	count(naked_pod.deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "p", "ownerReferences": []}}
	count(naked_pod.deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "p", "ownerReferences": null}}
	count(naked_pod.deny) == 1 with input as {"kind": "Pod", "metadata": {"annotations": {"other": "x"}}}
}

test_owned_pod_passes if {
	count(naked_pod.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p", "ownerReferences": [{"kind": "ReplicaSet", "name": "web-1"}]}}
}

test_mirror_and_helm_hook_pods_pass if {
	count(naked_pod.deny) == 0 with input as {"kind": "Pod", "metadata": {"annotations": {"kubernetes.io/config.mirror": "abc"}}}
	count(naked_pod.deny) == 0 with input as {"kind": "Pod", "metadata": {"annotations": {"helm.sh/hook": "test"}}}
}

test_other_kinds_pass if {
	count(naked_pod.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "web"}}
	count(naked_pod.deny) == 0 with input as {"kind": "PodTemplate", "metadata": {"name": "t"}}
}

test_static_control_plane_pod_passes if {
	count(naked_pod.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "kube-scheduler", "namespace": "kube-system", "labels": {"tier": "control-plane"}}}
	count(naked_pod.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "haproxy", "annotations": {"kubernetes.io/config.source": "file"}}}
	count(naked_pod.deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "kube-scheduler", "namespace": "default", "labels": {"tier": "control-plane"}}}
}
