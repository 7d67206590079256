# METADATA
# title: Referenced Secret key missing
# description: |
#   A pod that reads a key its Secret does not have cannot start: the kubelet
#   reports CreateContainerConfigError for an env var, or fails to mount the
#   volume item, until the key appears. This compares the reference with the
#   Secret in the run, so it reports without --complete.
# custom:
#   id: KW-SEC-007
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Fix the key name, add the key to the Secret's data, or mark the reference optional.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/secret/#optional-secrets
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       selector:
#         matchLabels: {app: web}
#       template:
#         metadata:
#           labels: {app: web}
#         spec:
#           containers:
#             - name: web
#               image: registry.example.com/shop/web:1.4.2
#               volumeMounts:
#                 - name: db
#                   mountPath: /run/secrets/db
#                   readOnly: true
#           volumes:
#             - name: db
#               secret:
#                 secretName: db
#                 items:
#                   - key: passwd
#                     path: password
#     ---
#     apiVersion: v1
#     kind: Secret
#     metadata:
#       name: db
#       namespace: shop
#     data:
#       password: czNjcjN0
package kubeward.rules.secrets.secret_key_missing

import data.kubeward.lib.inventory
import data.kubeward.lib.pods
import data.kubeward.lib.secrets

deny contains {
	"msg": sprintf("%s reads key %q of Secret %q, which has no such key in data or stringData; fix the key, add it to the Secret or mark the reference optional.", [ref.where, ref.key, ref.name]),
	"path": ref.path,
} if {
	some ref in _refs
	not ref.source.optional == true
	is_string(ref.name)
	is_string(ref.key)
	ref.key != ""
	secret := inventory.get(inventory.namespace_of(input), "Secret", ref.name)
	not ref.key in secrets.keys_of(secret)

	# The token controller fills these keys of a ServiceAccount token Secret.
	not ref.key in secrets.controller_keys(secret)
}

# _refs holds every reference to a Secret key as {"source": <object with
# optional>, "name", "key", "path" (of the key), "where" (for the message)}.
_refs contains {
	"source": source,
	"name": source.name,
	"key": source.key,
	"path": array.concat(c.path, ["env", j, "valueFrom", "secretKeyRef", "key"]),
	"where": sprintf("container %q env %q", [c.name, object.get(entry, "name", "")]),
} if {
	some c in pods.containers
	some j, entry in c.container.env
	source := entry.valueFrom.secretKeyRef
}

_refs contains {
	"source": source,
	"name": source.secretName,
	"key": item.key,
	"path": array.concat(v.path, ["secret", "items", m, "key"]),
	"where": sprintf("volume %q", [v.name]),
} if {
	some v in pods.volumes
	source := v.volume.secret
	some m, item in source.items
}

_refs contains {
	"source": source,
	"name": source.name,
	"key": item.key,
	"path": array.concat(v.path, ["projected", "sources", k, "secret", "items", m, "key"]),
	"where": sprintf("volume %q (projected.sources[%d])", [v.name, k]),
} if {
	some v in pods.volumes
	some k, projection in v.volume.projected.sources
	source := projection.secret
	some m, item in source.items
}
