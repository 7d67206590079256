# METADATA
# title: Unmasked /proc (restricted)
# description: |
#   The container runtime masks and makes read-only parts of /proc that leak
#   information about the node or let a process change kernel settings. An
#   Unmasked procMount removes that protection. At the restricted level Pod
#   Security Standards forbid it even for pods in a user namespace (v1.35+).
# custom:
#   id: KW-PSS-015
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-restricted, nsa]
#   overrides: [KW-PSS-008]
#   remediation: Remove securityContext.procMount or set it to Default.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA procMount_restricted
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: builder
#     spec:
#       hostUsers: false
#       containers:
#         - name: app
#           image: registry.example.com/builder:0.9.0
#           securityContext:
#             procMount: Unmasked
package kubeward.rules.pss.proc_mount_restricted

import data.kubeward.lib.pods
import data.kubeward.lib.pss

deny contains {
	"msg": sprintf(
		"container %q sets securityContext.procMount=%s; remove it or set it to Default.",
		[x.container.name, pss.quote(x.value)],
	),
	"path": pods.sc_path(x.container, "procMount"),
} if {
	some x in pss.unmasked_proc_mounts
}
