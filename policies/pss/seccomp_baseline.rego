# METADATA
# title: Seccomp not allowed (baseline)
# description: |
#   Seccomp filters the system calls a container may make and blocks many that
#   kernel exploits rely on. Setting the profile to Unconfined (or leaving its
#   type empty) turns that filter off. Pod Security Standards forbid it at the
#   baseline level; an unset profile is allowed there.
# custom:
#   id: KW-PSS-010
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, nsa]
#   remediation: Remove securityContext.seccompProfile or set its type to RuntimeDefault or Localhost.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA seccompProfile_baseline
#     - KSV-0104
#     - https://kubernetes.io/docs/tutorials/security/seccomp/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       securityContext:
#         seccompProfile:
#           type: Unconfined
#       containers:
#         - name: app
#           image: registry.example.com/web:1.4.2
package kubeward.rules.pss.seccomp_baseline

import data.kubeward.lib.pss

deny contains {
	"msg": sprintf(
		"%s sets securityContext.seccompProfile.type=%s; set it to RuntimeDefault or Localhost.",
		[pss.setter(x), pss.quote(x.type)],
	),
	"path": x.path,
} if {
	some x in pss.forbidden_profile_settings("seccompProfile")
}
