# METADATA
# title: Seccomp profile required (restricted)
# description: |
#   Seccomp filters the system calls a container may make and blocks many that
#   kernel exploits rely on; without a profile most nodes run the container
#   Unconfined. Pod Security Standards at the restricted level require
#   RuntimeDefault or Localhost on the pod or on every container.
# custom:
#   id: KW-PSS-019
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-restricted, cis, nsa]
#   overrides: [KW-PSS-010]
#   remediation: Set securityContext.seccompProfile.type to RuntimeDefault (or Localhost) on the pod, and set no container to another type.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA seccompProfile_restricted
#     - CIS 5.6.2
#     - KSV-0030
#     - https://kubernetes.io/docs/tutorials/security/seccomp/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: app
#           image: registry.example.com/web:1.4.2
package kubeward.rules.pss.seccomp_restricted

import data.kubeward.lib.pods
import data.kubeward.lib.pss

# (a), (b): the pod or a container sets a forbidden type (PSA exempts Windows pods, v1.25+).
deny contains {
	"msg": sprintf(
		"%s sets securityContext.seccompProfile.type=%s; set it to RuntimeDefault or Localhost.",
		[pss.setter(x), pss.quote(x.type)],
	),
	"path": x.path,
} if {
	not pods.is_windows
	some x in pss.forbidden_profile_settings("seccompProfile")
}

# (c): a container sets no profile and the pod sets no allowed one.
deny contains {
	"msg": sprintf(
		"container %q does not set securityContext.seccompProfile and the pod sets no allowed one (default: Unconfined on most nodes); set its type to RuntimeDefault or Localhost.",
		[c.name],
	),
	"path": pods.sc_path(c, "seccompProfile"),
} if {
	not pods.is_windows
	not _pod_profile_allowed
	some c in pods.containers
	not pss.is_set(pods.sc(c), "seccompProfile")
}

_pod_profile_allowed if {
	some x in pss.profile_settings("seccompProfile")
	x.pod
	x.type in pss.allowed_profile_types
}
