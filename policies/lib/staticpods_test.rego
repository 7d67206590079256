package kubeward.lib.staticpods_test

import data.kubeward.lib.staticpods

pod(meta) := {"kind": "Pod", "metadata": meta}

kubeadm := pod({"name": "kube-apiserver", "namespace": "kube-system", "labels": {"component": "kube-apiserver", "tier": "control-plane"}})

test_kubeadm_manifest_is_a_static_control_plane_pod if {
	staticpods.control_plane(kubeadm)
	staticpods.static(kubeadm)
}

test_mirror_pods_are_static if {
	staticpods.static(pod({"name": "haproxy-node1", "annotations": {"kubernetes.io/config.mirror": "3f1c"}}))
	staticpods.static(pod({"name": "keepalived", "annotations": {"kubernetes.io/config.source": "file"}}))
	not staticpods.control_plane(pod({"name": "haproxy-node1", "annotations": {"kubernetes.io/config.mirror": "3f1c"}}))
}

test_other_pods_are_not_static if {
	not staticpods.static(pod({"name": "web", "namespace": "kube-system", "labels": {"tier": "frontend"}}))
	not staticpods.static(pod({"name": "web", "namespace": "shop", "labels": {"tier": "control-plane"}}))
	not staticpods.static(pod({"name": "web", "annotations": {"kubernetes.io/config.source": "api"}}))
	not staticpods.static(object.union(kubeadm, {"kind": "Deployment"}))
	not staticpods.static(pod(null))
}
