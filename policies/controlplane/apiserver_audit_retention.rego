# METADATA
# title: Audit log retention below CIS
# description: |
#   When the audit log is written to a file, CIS asks to keep it for at least 30
#   days, in at least 10 rotated files of at least 100 MB, so that an incident
#   can still be investigated when it is found. As in kube-bench, an unset
#   retention flag counts as 0.
# custom:
#   id: KW-CP-011
#   severity: low
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --audit-log-maxage=30, --audit-log-maxbackup=10 and --audit-log-maxsize=100 (or more), or send audit events to a webhook backend.
#   references:
#     - CIS 1.2.17
#     - CIS 1.2.18
#     - CIS 1.2.19
#     - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#log-backend
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: kube-apiserver
#       namespace: kube-system
#       labels: {component: kube-apiserver, tier: control-plane}
#     spec:
#       hostNetwork: true
#       priorityClassName: system-node-critical
#       containers:
#         - name: kube-apiserver
#           image: registry.k8s.io/kube-apiserver:v1.34.1
#           command:
#             - kube-apiserver
#             - --audit-policy-file=/etc/kubernetes/audit/policy.yaml
#             - --audit-log-path=/var/log/kubernetes/audit/audit.log
#             - --audit-log-maxage=7
#             - --audit-log-maxbackup=10
#             - --audit-log-maxsize=100
package kubeward.rules.controlplane.apiserver_audit_retention

import data.kubeward.lib.controlplane as cp

_minimum := {"audit-log-maxage": 30, "audit-log-maxbackup": 10, "audit-log-maxsize": 100}

_file_backend(c) if {
	cp.is_set(c, "audit-log-path")
	cp.value(c, "audit-log-path") != "-"
}

deny contains {
	"msg": sprintf("container %q writes the audit log to a file but %s (counted as 0; CIS asks for at least %d); set --%s=%d.", [c.name, cp.unset_text(c, name), minimum, name, minimum]),
	"path": cp.unset_path(c, name),
} if {
	some c in cp.apiservers
	_file_backend(c)
	some name, minimum in _minimum
	not cp.is_set(c, name)
}

deny contains {
	"msg": sprintf("container %q sets %s, below the CIS minimum of %d; set it to at least %d.", [c.name, f.display, minimum, minimum]),
	"path": f.path,
} if {
	some c in cp.apiservers
	_file_backend(c)
	some name, minimum in _minimum
	cp.is_set(c, name)
	f := cp.flag(c, name)
	not _at_least(f.value, minimum)
}

_at_least(v, minimum) if {
	regex.match(`^[0-9]+$`, v)
	to_number(v) >= minimum
}
