# METADATA
# title: Forbidden AppArmor profile
# description: |
#   AppArmor confines what a container's processes may do on the node. Running
#   a pod or container Unconfined (or with an empty profile type) removes that
#   confinement. Pod Security Standards allow only the runtime's default
#   profile or a profile loaded on the node, at the baseline level.
# custom:
#   id: KW-PSS-001
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, pss-restricted, nsa]
#   remediation: Remove securityContext.appArmorProfile or set its type to RuntimeDefault or Localhost; set the legacy AppArmor annotations to runtime/default or localhost/<profile>.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA appArmorProfile
#     - KSV-0002
#     - https://kubernetes.io/docs/tutorials/security/apparmor/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: tracer
#     spec:
#       containers:
#         - name: app
#           image: registry.example.com/tracer:1.0.0
#           securityContext:
#             appArmorProfile:
#               type: Unconfined
package kubeward.rules.pss.apparmor_profile

import data.kubeward.lib.pods
import data.kubeward.lib.pss

_annotation_prefix := "container.apparmor.security.beta.kubernetes.io/"

# (a), (b): the pod or a container sets appArmorProfile with a forbidden type.
deny contains {
	"msg": sprintf(
		"%s sets securityContext.appArmorProfile.type=%s; set it to RuntimeDefault or Localhost.",
		[pss.setter(x), pss.quote(x.type)],
	),
	"path": x.path,
} if {
	some x in pss.forbidden_profile_settings("appArmorProfile")
}

# (c): a legacy per-container annotation with a forbidden value.
deny contains {
	"msg": sprintf(
		"the pod annotation %q is %s; set it to runtime/default or localhost/<profile>.",
		[key, pss.quote(value)],
	),
	"path": array.concat(pods.meta_path, ["annotations", key]),
} if {
	annotations := pods.meta.annotations
	is_object(annotations)
	some key, value in annotations
	startswith(key, _annotation_prefix)
	not _allowed_annotation_value(value)
}

# PSA: empty (a null decodes to ""), runtime/default, or localhost/<profile>.
_allowed_annotation_value(v) if v == null

_allowed_annotation_value(v) if v == ""

_allowed_annotation_value(v) if v == "runtime/default"

_allowed_annotation_value(v) if {
	is_string(v)
	startswith(v, "localhost/")
}
