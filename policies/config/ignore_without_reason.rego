# METADATA
# title: Ignore annotation without a reason
# description: |
#   The annotation kubeward.io/ignore suppresses findings on an object (or on the
#   pods of a workload, when it is on the pod template), but only together with
#   kubeward.io/ignore-reason: an exception nobody explained cannot be reviewed
#   or retired. An ignore without a reason suppresses nothing and is reported
#   by this rule.
# custom:
#   id: KW-CFG-001
#   severity: low
#   profiles: []
#   remediation: Add kubeward.io/ignore-reason next to kubeward.io/ignore, saying why the rules do not apply, or remove the ignore.
#   references:
#     - docs/configuration.md
#   example: |
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: settings
#       annotations:
#         kubeward.io/ignore: KW-SEC-001
#     data:
#       mode: fast
package kubeward.rules.config.ignore_without_reason

import data.kubeward.lib.pods

# _ignores maps the metadata paths that may carry the annotations (the
# object's own and, for pod-bearing kinds other than Pod, the pod template's)
# to their annotations, when these set kubeward.io/ignore: most objects have
# none, and stop at the first lookup.
_ignores[["metadata"]] := annotations if {
	annotations := input.metadata.annotations
	_ = annotations["kubeward.io/ignore"]
}

_ignores[pods.meta_path] := annotations if {
	pods.is_pod_kind
	pods.meta_path != ["metadata"]
	annotations := pods.meta.annotations
	_ = annotations["kubeward.io/ignore"]
}

deny contains {
	"msg": sprintf("%s sets kubeward.io/ignore=%q without kubeward.io/ignore-reason; the ignore suppresses nothing until a reason is given.", [_where(p), ignore]),
	"path": array.concat(p, ["annotations", "kubeward.io/ignore"]),
} if {
	some p, annotations in _ignores
	ignore := annotations["kubeward.io/ignore"]
	is_string(ignore)
	trim_space(ignore) != ""
	not _has_reason(annotations)
}

_has_reason(annotations) if {
	r := annotations["kubeward.io/ignore-reason"]
	is_string(r)
	trim_space(r) != ""
}

_where(["metadata"]) := "the object"

_where(p) := "the pod template" if p != ["metadata"]
