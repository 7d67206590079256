# METADATA
# title: Inventory helpers
# description: |
#   Lookups over every object of the run, for cross-resource rules. The engine
#   builds data.kubeward.inventory once per run, indexed by namespace and kind:
#     namespaced[<namespace>][<kind>][<name>] = object   (namespace unset = "default")
#     cluster[<kind>][<name>] = object                   (cluster-scoped kinds)
#   Rules read it through these helpers so that the layout can change.
#   Stable API for user policies: data.kubeward.lib.inventory.
package kubeward.lib.inventory

import data.kubeward.lib.pods

# complete holds when the run's input is declared complete (--complete):
# rules that fire because something is absent only fire then.
complete if data.kubeward.run.assumeComplete == true

# namespace_of(obj) is obj's namespace for inventory matching (unset = "default").
namespace_of(obj) := ns if {
	ns := obj.metadata.namespace
	is_string(ns)
	ns != ""
} else := "default"

# objects(ns, kind) maps name -> object for the namespaced objects of that kind.
objects(ns, kind) := o if {
	o := data.kubeward.inventory.namespaced[ns][kind]
} else := {}

# get(ns, kind, name) is the namespaced object, undefined when absent.
get(ns, kind, name) := data.kubeward.inventory.namespaced[ns][kind][name]

# has(ns, kind, name) holds when the namespaced object is in the inventory.
has(ns, kind, name) if data.kubeward.inventory.namespaced[ns][kind][name]

# cluster_objects(kind) maps name -> object for a cluster-scoped kind.
cluster_objects(kind) := o if {
	o := data.kubeward.inventory.cluster[kind]
} else := {}

# cluster_get(kind, name) is the cluster-scoped object, undefined when absent.
cluster_get(kind, name) := data.kubeward.inventory.cluster[kind][name]

# namespaces is the set of namespaces that hold at least one object.
namespaces := {ns | some ns, _ in data.kubeward.inventory.namespaced}

# pod_owners(ns) is the set of {"kind", "name", "labels", "object"} for every
# object of a pod kind in ns; labels are those of its pods ($meta.labels).
pod_owners(ns) := {x |
	some kind in pods.pod_kinds
	some name, obj in objects(ns, kind)
	x := {"kind": kind, "name": name, "labels": _labels(pods.meta_of(obj)), "object": obj}
}

_labels(meta) := l if {
	l := meta.labels
	is_object(l)
} else := {}
