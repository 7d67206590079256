# METADATA
# title: API auditing not enabled
# description: |
#   The API server records audit events only with an audit policy (--audit-
#   policy-file) and a backend to write them to (--audit-log-path or --audit-
#   webhook-config-file). Without both, nobody can reconstruct who read a
#   Secret, exec'd into a pod or changed a binding.
# custom:
#   id: KW-CP-010
#   severity: medium
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --audit-policy-file to an audit Policy and --audit-log-path (or --audit-webhook-config-file) to a backend.
#   references:
#     - CIS 1.2.16
#     - CIS 3.2.1
#     - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/
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
#             - --authorization-mode=Node,RBAC
#             - --audit-log-path=/var/log/kubernetes/audit/audit.log
package kubeward.rules.controlplane.apiserver_audit_disabled

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: no audit policy, so no audit events are recorded); set it to an audit Policy file.", [c.name, cp.unset_text(c, "audit-policy-file")]),
	"path": cp.unset_path(c, "audit-policy-file"),
} if {
	some c in cp.apiservers
	not cp.is_set(c, "audit-policy-file")
}

deny contains {
	"msg": sprintf("container %q sets neither --audit-log-path nor --audit-webhook-config-file (default: no audit backend, events are dropped); set --audit-log-path.", [c.name]),
	"path": cp.unset_path(c, "audit-log-path"),
} if {
	some c in cp.apiservers
	not cp.is_set(c, "audit-log-path")
	not cp.is_set(c, "audit-webhook-config-file")
}
