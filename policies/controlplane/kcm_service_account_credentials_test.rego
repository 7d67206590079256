package kubeward.rules.controlplane.kcm_service_account_credentials_test

import data.kubeward.rules.controlplane.kcm_service_account_credentials

kcm(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-controller-manager", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-controller-manager", "image": "registry.k8s.io/kube-controller-manager:v1.34.1", "command": array.concat(["kube-controller-manager"], args)}]}}

test_absent_fires if {
	kcm_service_account_credentials.deny == {{
		"msg": "container \"kube-controller-manager\" does not set --use-service-account-credentials (default: false, every controller uses the controller manager's credential); set --use-service-account-credentials=true.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as kcm([])
}

test_false_fires if {
	kcm_service_account_credentials.deny == {{
		"msg": "container \"kube-controller-manager\" sets --use-service-account-credentials=false (every controller uses the controller manager's credential); set it to true.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as kcm(["--use-service-account-credentials=true", "--use-service-account-credentials=false"])
}

test_true_passes if {
	count(kcm_service_account_credentials.deny) == 0 with input as kcm(["--use-service-account-credentials"])
	count(kcm_service_account_credentials.deny) == 0 with input as kcm(["--use-service-account-credentials=true"])
}
