package kubeward.rules.controlplane.apiserver_kubelet_tls_test

import data.kubeward.rules.controlplane.apiserver_kubelet_tls

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

all_three := [
	"--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
	"--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
	"--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt",
]

test_kubeadm_default_lacks_the_ca if {
	apiserver_kubelet_tls.deny == {{
		"msg": "container \"kube-apiserver\" does not set --kubelet-certificate-authority (default: none, kubelet serving certificates are not verified); set it.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as api(array.slice(all_three, 0, 2))
}

test_each_missing_flag_fires if {
	count(apiserver_kubelet_tls.deny) == 3 with input as api([])
	apiserver_kubelet_tls.deny == {{
		"msg": "container \"kube-apiserver\" sets --kubelet-client-key to an empty value (default: none, the API server presents no client certificate to kubelets); set it.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as api(["--kubelet-client-certificate=/a", "--kubelet-client-key=", "--kubelet-certificate-authority=/c"])
}

test_all_three_pass if {
	count(apiserver_kubelet_tls.deny) == 0 with input as api(all_three)
}
