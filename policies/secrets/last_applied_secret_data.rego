# METADATA
# title: Secret data in last-applied annotation
# description: |
#   kubectl apply (client-side) keeps a full copy of the applied object in the
#   kubectl.kubernetes.io/last-applied-configuration annotation. For a Secret,
#   that copy holds its data and stringData: tools that show annotations or
#   metadata, and exports of the object, reveal the values in plain sight.
# custom:
#   id: KW-SEC-013
#   severity: medium
#   kinds: [Secret]
#   profiles: []
#   remediation: Remove the annotation (kubectl apply --server-side does not write it), then rotate the values it exposed.
#   references:
#     - https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#how-apply-calculates-differences-and-merges-changes
#   example: |
#     apiVersion: v1
#     kind: Secret
#     metadata:
#       name: db
#       namespace: shop
#       annotations:
#         kubectl.kubernetes.io/last-applied-configuration: |
#           {"apiVersion":"v1","data":{"password":"czNjcjN0"},"kind":"Secret","metadata":{"name":"db","namespace":"shop"}}
#     data:
#       password: czNjcjN0
package kubeward.rules.secrets.last_applied_secret_data

import data.kubeward.lib.workloads

_annotation := "kubectl.kubernetes.io/last-applied-configuration"

deny contains {
	"msg": sprintf("Secret %q keeps a copy of its %s in annotation %s; remove the annotation (kubectl apply --server-side does not write it) and rotate the values.", [workloads.name(input), concat(" and ", fields), _annotation]),
	"path": ["metadata", "annotations", _annotation],
} if {
	input.kind == "Secret"
	text := input.metadata.annotations[_annotation]
	is_string(text)
	json.is_valid(text)
	applied := json.unmarshal(text)
	fields := [field |
		some field in ["data", "stringData"]
		is_object(applied[field])
		count(applied[field]) > 0
	]
	count(fields) > 0
}
