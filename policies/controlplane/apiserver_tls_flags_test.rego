package kubeward.rules.controlplane.apiserver_tls_flags_test

import data.kubeward.rules.controlplane.apiserver_tls_flags

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

all_four := [
	"--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
	"--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
	"--client-ca-file=/etc/kubernetes/pki/ca.crt",
	"--service-account-key-file=/etc/kubernetes/pki/sa.pub",
]

test_one_finding_per_flag if {
	count(apiserver_tls_flags.deny) == 4 with input as api([])
	apiserver_tls_flags.deny == {{
		"msg": "container \"kube-apiserver\" does not set --tls-cert-file (default: a self-signed certificate written to --cert-dir); set it.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as api(array.slice(all_four, 1, 4))
	{f.msg | some f in apiserver_tls_flags.deny} == {"container \"kube-apiserver\" sets --service-account-key-file to an empty value (default: the --tls-private-key-file key); set it."} with input as api(array.concat(array.slice(all_four, 0, 3), ["--service-account-key-file="]))
}

test_all_set_passes if {
	count(apiserver_tls_flags.deny) == 0 with input as api(all_four)
}
