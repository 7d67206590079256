# METADATA
# title: Static pod helpers
# description: |
#   Recognising the pods the kubelet runs from files (kubeadm's control plane
#   in /etc/kubernetes/manifests and their mirror pods in the API). A static
#   pod cannot refer to API objects (no ServiceAccount, ConfigMap or Secret),
#   gets no ServiceAccount token, is owned by no controller and is not
#   selected by NetworkPolicies when it runs on the host network, so rules
#   whose only advice is one of those skip it; the control-plane rules
#   (KW-CP-*) are written for exactly these pods.
#   Stable API for user policies: data.kubeward.lib.staticpods.
package kubeward.lib.staticpods

# static(obj) holds when obj is a Pod the kubelet runs from a file: its API
# mirror (annotation kubernetes.io/config.mirror, or config.source "file"), or
# a kubeadm control-plane manifest (kube-system, label tier: control-plane).
static(obj) if {
	obj.kind == "Pod"
	_ = obj.metadata.annotations["kubernetes.io/config.mirror"]
}

static(obj) if {
	obj.kind == "Pod"
	obj.metadata.annotations["kubernetes.io/config.source"] == "file"
}

static(obj) if control_plane(obj)

# control_plane(obj) holds for a kubeadm control-plane static Pod: kind Pod
# in kube-system labelled tier: control-plane.
control_plane(obj) if {
	obj.kind == "Pod"
	obj.metadata.namespace == "kube-system"
	obj.metadata.labels.tier == "control-plane"
}
