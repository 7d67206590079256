package kubeward.rules.controlplane.apiserver_audit_disabled_test

import data.kubeward.rules.controlplane.apiserver_audit_disabled

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_nothing_set_fires_twice if {
	audit_disabled := apiserver_audit_disabled.deny with input as api([])
	audit_disabled == {
		{
			"msg": "container \"kube-apiserver\" does not set --audit-policy-file (default: no audit policy, so no audit events are recorded); set it to an audit Policy file.",
			"path": ["spec", "containers", 0, "command"],
		},
		{
			"msg": "container \"kube-apiserver\" sets neither --audit-log-path nor --audit-webhook-config-file (default: no audit backend, events are dropped); set --audit-log-path.",
			"path": ["spec", "containers", 0, "command"],
		},
	}
}

test_policy_without_backend_fires if {
	{f.path | some f in apiserver_audit_disabled.deny} == {["spec", "containers", 0, "command", 2]} with input as api(["--audit-policy-file=/etc/kubernetes/audit.yaml", "--audit-log-path="])
}

test_backend_without_policy_fires if {
	count(apiserver_audit_disabled.deny) == 1 with input as api(["--audit-webhook-config-file=/etc/kubernetes/audit-webhook.yaml"])
}

test_policy_and_backend_pass if {
	count(apiserver_audit_disabled.deny) == 0 with input as api(["--audit-policy-file=/etc/kubernetes/audit.yaml", "--audit-log-path=-"])
	count(apiserver_audit_disabled.deny) == 0 with input as api(["--audit-policy-file=/a", "--audit-webhook-config-file=/b"])
}
