# METADATA
# title: Pod helpers
# description: |
#   Where the pod spec, pod metadata and containers live in every kind that
#   carries a pod (catalogue section 1, POD_KINDS), as the kind table
#   (data.kubeward.kinds) says; rules call it instead of repeating them.
#   Stable API for user policies: data.kubeward.lib.pods.
package kubeward.lib.pods

# The kinds that carry a pod, and where their pod template is, come from the
# kind table that the Go engine reads too (policies/kinds.yaml,
# data.kubeward.kinds.podTemplates). Upstream PSA uses the same extraction
# (DefaultPodSpecExtractor).
_templates := data.kubeward.kinds.podTemplates

pod_kinds := {kind | some kind, _ in _templates}

# WORKLOADS: pod kinds that are controllers.
workload_kinds := pod_kinds - {"Pod", "PodTemplate"}

# spec_path_of(obj) is the path of obj's pod spec; undefined for other kinds.
spec_path_of(obj) := array.concat(_templates[obj.kind], ["spec"])

# meta_path_of(obj) is the path of the pods' metadata (labels, annotations).
meta_path_of(obj) := array.concat(array.slice(p, 0, count(p) - 1), ["metadata"]) if {
	p := spec_path_of(obj)
}

# spec_of(obj) is obj's pod spec ({} when the kind carries one but it is unset).
spec_of(obj) := _object_at(obj, spec_path_of(obj))

# meta_of(obj) is the metadata of obj's pods ({} when unset).
meta_of(obj) := _object_at(obj, meta_path_of(obj))

_object_at(obj, path) := v if {
	v := object.get(obj, path, {})
	is_object(v)
} else := {}

# Shorthands for the object under review. A lookup in the kind table, not a
# test against pod_kinds: that set is built anew for every object evaluated.
is_pod_kind if _templates[input.kind]

# is_pod_or_workload holds for a Pod or a controller of pods: every pod kind
# but PodTemplate (workload_kinds | {"Pod"}).
is_pod_or_workload if {
	is_pod_kind
	input.kind != "PodTemplate"
}

spec_path := spec_path_of(input)

meta_path := meta_path_of(input)

spec := spec_of(input)

meta := meta_of(input)

# pod_sc is the pod-level securityContext ({} when unset).
pod_sc := v if {
	v := spec.securityContext
	is_object(v)
} else := {}

pod_sc_path := array.concat(spec_path, ["securityContext"])

# The container lists, in PSA's visiting order.
container_fields := ["initContainers", "containers", "ephemeralContainers"]

# containers holds every container of the pod (ALL_CONTAINERS) as
#   {"container": <object>, "name": <string>, "path": <path to it>, "field": <list it is in>}.
containers contains c if {
	some field in container_fields
	some i, container in spec[field]
	is_object(container)
	c := {
		"container": container,
		"name": _name(container),
		"path": array.concat(spec_path, [field, i]),
		"field": field,
	}
}

# app_containers is containers minus ephemeral ones (APP_CONTAINERS).
app_containers contains c if {
	some c in containers
	c.field != "ephemeralContainers"
}

_name(container) := container.name if is_string(container.name)

else := "<unnamed>"

# sc(c) is the securityContext of an element of containers ({} when unset).
sc(c) := v if {
	v := c.container.securityContext
	is_object(v)
} else := {}

# sc_path(c, field) is the path of securityContext.<field> of an element of containers.
sc_path(c, field) := array.concat(c.path, ["securityContext", field])

# has_sc(c) holds when the container sets a securityContext object.
has_sc(c) if is_object(c.container.securityContext)

# effective(c, field) is the container's securityContext value if set (null
# counts as unset, as in the API), else the pod's.
effective(c, field) := v if {
	v := sc(c)[field]
	v != null
} else := v if {
	v := pod_sc[field]
	v != null
}

# is_windows holds when the pod declares the Windows OS.
is_windows if spec.os.name == "windows"

# user_namespaced holds when the pod runs in a user namespace (hostUsers: false).
user_namespaced if spec.hostUsers == false

# volumes holds {"volume": v, "name": name, "path": path} for every pod volume.
volumes contains x if {
	some i, v in spec.volumes
	is_object(v)
	x := {"volume": v, "name": object.get(v, "name", ""), "path": array.concat(spec_path, ["volumes", i])}
}
