package kubeward.rules.controlplane.kcm_service_account_keys_test

import data.kubeward.rules.controlplane.kcm_service_account_keys

kcm(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-controller-manager", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-controller-manager", "image": "registry.k8s.io/kube-controller-manager:v1.34.1", "command": array.concat(["kube-controller-manager"], args)}]}}

test_root_ca_missing_fires if {
	kcm_service_account_keys.deny == {{
		"msg": "container \"kube-controller-manager\" does not set --root-ca-file (default: none, pods do not get the CA that verifies the API server); set it.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as kcm(["--service-account-private-key-file=/etc/kubernetes/pki/sa.key"])
}

test_each_missing_fires if {
	count(kcm_service_account_keys.deny) == 2 with input as kcm([])
	{f.path | some f in kcm_service_account_keys.deny} == {["spec", "containers", 0, "command", 2]} with input as kcm(["--root-ca-file=/etc/kubernetes/pki/ca.crt", "--service-account-private-key-file="])
}

test_both_set_pass if {
	count(kcm_service_account_keys.deny) == 0 with input as kcm(["--root-ca-file=/etc/kubernetes/pki/ca.crt", "--service-account-private-key-file=/etc/kubernetes/pki/sa.key"])
}
