# METADATA
# title: No AppArmor profile
# description: |
#   An AppArmor profile restricts the files, capabilities and mounts a
#   container's processes may use. Without one the container gets whatever the
#   runtime applies by default, which the manifest cannot show or guarantee;
#   declaring RuntimeDefault or a Localhost profile makes the confinement explicit.
# custom:
#   id: KW-POD-014
#   severity: info
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Set securityContext.appArmorProfile.type to RuntimeDefault (or Localhost with a profile) on the pod or the container.
#   references:
#     - KSV-0002
#     - https://kubernetes.io/docs/tutorials/security/apparmor/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: search
#     spec:
#       selector:
#         matchLabels: {app: search}
#       template:
#         metadata:
#           labels: {app: search}
#         spec:
#           securityContext:
#             runAsNonRoot: true
#             seccompProfile:
#               type: RuntimeDefault
#           containers:
#             - name: search
#               image: registry.example.com/shop/search:5.1.0
package kubeward.rules.pod.no_apparmor_profile

import data.kubeward.lib.pods

# Only the absence is reported; the value of a profile or annotation is PSS-001's business.
deny contains {
	"msg": sprintf(
		"container %q does not set securityContext.appArmorProfile (nor does the pod or an annotation %q; default: the runtime's default profile); set its type to RuntimeDefault or Localhost.",
		[c.name, _annotation_key(c)],
	),
	"path": pods.sc_path(c, "appArmorProfile"),
} if {
	not pods.is_windows
	not _has_profile(pods.pod_sc)
	some c in pods.app_containers
	not _has_profile(pods.sc(c))
	not _annotated(c)
}

# A helper taking the securityContext, not its field: the compiler would hoist an
# absent field's lookup out of the negation and make the rule undefined.
_has_profile(sc) if sc.appArmorProfile != null

_annotation_key(c) := concat("", ["container.apparmor.security.beta.kubernetes.io/", c.name])

_annotated(c) if {
	annotations := pods.meta.annotations
	is_object(annotations)
	_ = annotations[_annotation_key(c)]
}
