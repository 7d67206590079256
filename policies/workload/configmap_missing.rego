# METADATA
# title: ConfigMap missing
# description: |
#   A pod that mounts a ConfigMap or reads environment variables from one that
#   does not exist cannot start: the kubelet keeps it in ContainerCreating or
#   CreateContainerConfigError until the ConfigMap appears. References marked
#   optional are skipped. This needs the whole namespace in the run, so it only
#   reports with --complete.
# custom:
#   id: KW-WRK-022
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Create the ConfigMap in the pod's namespace, fix the name, or mark the reference optional.
#   references:
#     - cf. KL env-value-from
#     - https://kubernetes.io/docs/concepts/configuration/configmap/
#   example: |
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: inventory-settings
#     data:
#       LOG_LEVEL: info
#     ---
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: inventory
#     spec:
#       selector:
#         matchLabels: {app: inventory}
#       template:
#         metadata:
#           labels: {app: inventory}
#         spec:
#           containers:
#             - name: inventory
#               image: registry.example.com/shop/inventory:3.0.2
#               envFrom:
#                 - configMapRef:
#                     name: inventory-config
package kubeward.rules.workload.configmap_missing

import data.kubeward.lib.inventory
import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("%s refers to ConfigMap %q, which is not in namespace %q; create it or set %s.optional=true.", [ref.where, ref.name, namespace, ref.field]),
	"path": ref.path,
} if {
	inventory.complete
	some ref in _refs
	namespace := inventory.namespace_of(input)
}

# _absent(name, source) holds when a reference names a ConfigMap that is not in
# the object's namespace and is not optional. It is checked before the
# reference's message and path are built: most references resolve.
_absent(name, source) if {
	is_string(name)
	name != ""

	# The API server publishes kube-root-ca.crt into every namespace.
	name != "kube-root-ca.crt"
	not source.optional == true
	not inventory.has(inventory.namespace_of(input), "ConfigMap", name)
}

# _refs holds every _absent reference to a ConfigMap as {"source": <object with name and optional>,
# "name", "path" (of the name), "where" and "field" (for the message)}.
_refs contains {
	"source": source,
	"name": source.name,
	"path": array.concat(v.path, ["configMap", "name"]),
	"where": sprintf("volume %q", [v.name]),
	"field": "configMap",
} if {
	some v in pods.volumes
	source := v.volume.configMap
	_absent(source.name, source)
}

_refs contains {
	"source": source,
	"name": source.name,
	"path": array.concat(v.path, ["projected", "sources", k, "configMap", "name"]),
	"where": sprintf("volume %q (projected.sources[%d])", [v.name, k]),
	"field": "configMap",
} if {
	some v in pods.volumes
	some k, projection in v.volume.projected.sources
	source := projection.configMap
	_absent(source.name, source)
}

_refs contains {
	"source": source,
	"name": source.name,
	"path": array.concat(c.path, ["env", j, "valueFrom", "configMapKeyRef", "name"]),
	"where": sprintf("container %q env %q", [c.name, object.get(entry, "name", "")]),
	"field": "valueFrom.configMapKeyRef",
} if {
	some c in pods.containers
	some j, entry in c.container.env
	source := entry.valueFrom.configMapKeyRef
	_absent(source.name, source)
}

_refs contains {
	"source": source,
	"name": source.name,
	"path": array.concat(c.path, ["envFrom", j, "configMapRef", "name"]),
	"where": sprintf("container %q envFrom[%d]", [c.name, j]),
	"field": "configMapRef",
} if {
	some c in pods.containers
	some j, entry in c.container.envFrom
	source := entry.configMapRef
	_absent(source.name, source)
}
