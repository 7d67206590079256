package kubeward.rules.controlplane.apiserver_audit_retention_test

import data.kubeward.rules.controlplane.apiserver_audit_retention

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

good := ["--audit-log-path=/var/log/audit.log", "--audit-log-maxage=30", "--audit-log-maxbackup=10", "--audit-log-maxsize=100"]

test_low_value_fires if {
	apiserver_audit_retention.deny == {{
		"msg": "container \"kube-apiserver\" sets --audit-log-maxage=7, below the CIS minimum of 30; set it to at least 30.",
		"path": ["spec", "containers", 0, "command", 5],
	}} with input as api(array.concat(good, ["--audit-log-maxage=7"]))
	count(apiserver_audit_retention.deny) == 1 with input as api(array.concat(good, ["--audit-log-maxsize=1G"]))
}

test_absent_counts_as_zero if {
	apiserver_audit_retention.deny == {
		{
			"msg": "container \"kube-apiserver\" writes the audit log to a file but does not set --audit-log-maxage (counted as 0; CIS asks for at least 30); set --audit-log-maxage=30.",
			"path": ["spec", "containers", 0, "command"],
		},
		{
			"msg": "container \"kube-apiserver\" writes the audit log to a file but does not set --audit-log-maxbackup (counted as 0; CIS asks for at least 10); set --audit-log-maxbackup=10.",
			"path": ["spec", "containers", 0, "command"],
		},
		{
			"msg": "container \"kube-apiserver\" writes the audit log to a file but does not set --audit-log-maxsize (counted as 0; CIS asks for at least 100); set --audit-log-maxsize=100.",
			"path": ["spec", "containers", 0, "command"],
		},
	} with input as api(["--audit-log-path", "/var/log/audit.log"])
}

test_thresholds_met_pass if {
	count(apiserver_audit_retention.deny) == 0 with input as api(good)
	count(apiserver_audit_retention.deny) == 0 with input as api(["--audit-log-path=/a", "--audit-log-maxage=90", "--audit-log-maxbackup=20", "--audit-log-maxsize=200"])
}

test_no_file_backend_passes if {
	count(apiserver_audit_retention.deny) == 0 with input as api([])
	count(apiserver_audit_retention.deny) == 0 with input as api(["--audit-log-path=-"])
	count(apiserver_audit_retention.deny) == 0 with input as api(["--audit-log-path", "-"])
	count(apiserver_audit_retention.deny) == 0 with input as api(["--audit-webhook-config-file=/w.yaml"])
}
