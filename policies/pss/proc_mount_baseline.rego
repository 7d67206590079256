# METADATA
# title: Unmasked /proc (baseline)
# description: |
#   The container runtime masks and makes read-only parts of /proc that leak
#   information about the node or let a process change kernel settings. An
#   Unmasked procMount removes that protection. Pod Security Standards forbid
#   it at the baseline level, unless the pod runs in a user namespace
#   (hostUsers false), where the kernel limits the damage.
# custom:
#   id: KW-PSS-008
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, nsa]
#   remediation: Remove securityContext.procMount or set it to Default (or run the pod in a user namespace with hostUsers set to false).
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA procMount
#     - KSV-0027
#     - KL unsafe-proc-mount
#     - PO procMount
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: builder
#     spec:
#       containers:
#         - name: app
#           image: registry.example.com/builder:0.9.0
#           securityContext:
#             procMount: Unmasked
package kubeward.rules.pss.proc_mount_baseline

import data.kubeward.lib.pods
import data.kubeward.lib.pss

deny contains {
	"msg": sprintf(
		"container %q sets securityContext.procMount=%s; remove it or set it to Default.",
		[x.container.name, pss.quote(x.value)],
	),
	"path": pods.sc_path(x.container, "procMount"),
} if {
	not pods.user_namespaced
	some x in pss.unmasked_proc_mounts
}
