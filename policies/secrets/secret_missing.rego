# METADATA
# title: Referenced Secret missing
# description: |
#   A pod that mounts a Secret or reads environment variables from one that
#   does not exist cannot start: the kubelet keeps it in ContainerCreating or
#   CreateContainerConfigError until the Secret appears. A missing image pull
#   Secret makes private image pulls fail. References marked optional are
#   skipped. This needs the whole namespace in the run, so it only reports
#   with --complete.
# custom:
#   id: KW-SEC-006
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Create the Secret in the pod's namespace, fix the name, or mark the reference optional.
#   references:
#     - cf. KL env-value-from
#     - https://kubernetes.io/docs/concepts/configuration/secret/#restriction-secret-must-exist
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
#                 secretName: db-credentials
package kubeward.rules.secrets.secret_missing

import data.kubeward.lib.inventory
import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("%s refers to Secret %q, which is not in namespace %q; %s.", [ref.where, ref.name, namespace, ref.fix]),
	"path": ref.path,
} if {
	inventory.complete
	some ref in _refs
	namespace := inventory.namespace_of(input)
}

# _absent(name, source) holds when a reference names a Secret that is not in
# the object's namespace and is not optional. It is checked before the
# reference's message and path are built: most references resolve.
_absent(name, source) if {
	is_string(name)
	name != ""
	not source.optional == true
	not inventory.has(inventory.namespace_of(input), "Secret", name)
}

# _refs holds every _absent reference to a Secret as {"source": <object with the name
# and optional>, "name", "path" (of the name), "where" and "fix" (for the message)}.
_refs contains {
	"source": source,
	"name": source.secretName,
	"path": array.concat(v.path, ["secret", "secretName"]),
	"where": sprintf("volume %q", [v.name]),
	"fix": "create it or set secret.optional=true",
} if {
	some v in pods.volumes
	source := v.volume.secret
	_absent(source.secretName, source)
}

_refs contains {
	"source": source,
	"name": source.name,
	"path": array.concat(v.path, ["projected", "sources", k, "secret", "name"]),
	"where": sprintf("volume %q (projected.sources[%d])", [v.name, k]),
	"fix": "create it or set secret.optional=true",
} if {
	some v in pods.volumes
	some k, projection in v.volume.projected.sources
	source := projection.secret
	_absent(source.name, source)
}

_refs contains {
	"source": source,
	"name": source.name,
	"path": array.concat(c.path, ["env", j, "valueFrom", "secretKeyRef", "name"]),
	"where": sprintf("container %q env %q", [c.name, object.get(entry, "name", "")]),
	"fix": "create it or set valueFrom.secretKeyRef.optional=true",
} if {
	some c in pods.containers
	some j, entry in c.container.env
	source := entry.valueFrom.secretKeyRef
	_absent(source.name, source)
}

_refs contains {
	"source": source,
	"name": source.name,
	"path": array.concat(c.path, ["envFrom", j, "secretRef", "name"]),
	"where": sprintf("container %q envFrom[%d]", [c.name, j]),
	"fix": "create it or set secretRef.optional=true",
} if {
	some c in pods.containers
	some j, entry in c.container.envFrom
	source := entry.secretRef
	_absent(source.name, source)
}

# imagePullSecrets have no optional flag.
_refs contains {
	"source": source,
	"name": source.name,
	"path": array.concat(pods.spec_path, ["imagePullSecrets", j, "name"]),
	"where": sprintf("imagePullSecrets[%d]", [j]),
	"fix": "create it or remove the reference",
} if {
	some j, source in pods.spec.imagePullSecrets
	_absent(source.name, source)
}
