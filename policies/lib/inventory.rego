# METADATA
# title: Inventory helpers
# description: |
#   Lookups over every object of the run, for cross-resource rules. The engine
#   builds data.kubeward.inventory once per run, indexed by namespace and kind:
#     namespaced[<namespace>][<kind>][<name>] = object   (namespace unset = the run's, namespace_of)
#     cluster[<kind>][<name>] = object                   (cluster-scoped kinds)
#   Rules read it through these helpers so that the layout can change.
#   Stable API for user policies: data.kubeward.lib.inventory.
package kubeward.lib.inventory

import data.kubeward.lib.pods
import data.kubeward.lib.selectors

# complete holds when the run's input is declared complete (--complete):
# rules that fire because something is absent only fire then.
complete if data.kubeward.run.assumeComplete == true

# namespace_of(obj) is obj's namespace for inventory matching. Unset, it is
# the namespace the run applies objects into, as the API server would: the
# release namespace of a chart, -n for plain files (data.kubeward.run.namespace),
# else "default".
namespace_of(obj) := ns if {
	ns := obj.metadata.namespace
	is_string(ns)
	ns != ""
} else := ns if {
	ns := data.kubeward.run.namespace
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

# pod_owners(ns) is the set of {"kind", "name", "labels"} for every object of
# a pod kind in ns; labels are those of its pods ($meta.labels). Use
# inventory.get(ns, kind, name) for the object itself.
pod_owners(ns) := {x | some x in object.get(_index.pods, ns, [])}

# pods_matching(ns, selector) is the subset of pod_owners(ns) whose labels a
# LabelSelector matches. With matchLabels it is a lookup in the label index,
# not a scan of the namespace. An empty selector {} matches every pod; callers
# that treat a null or absent selector differently check that first.
pods_matching(ns, selector) := {x |
	some x in pod_candidates(ns, selector)
	selectors.matches(selector, x.labels)
}

# pods_matching_map(ns, selector) is the same for a plain map selector
# (Service, ReplicationController).
pods_matching_map(ns, selector) := {x |
	some x in pod_candidates(ns, {"matchLabels": selector})
	selectors.map_matches(selector, x.labels)
}

# pod_candidates(ns, selector) is a list of pod_owners(ns) holding every one
# a LabelSelector may select: those with the rarest of its matchLabels pairs
# (a label every chart sets, app.kubernetes.io/managed-by=Helm, would leave
# most of the namespace to check), or the whole namespace when it has none.
# Callers filter it with their kind's own selector semantics; a rule checking
# each of a namespace's budgets against each of its pods would be quadratic.
pod_candidates(ns, selector) := smallest if {
	is_object(selector.matchLabels)
	count(selector.matchLabels) > 0
	buckets := [object.get(_index.podsByLabel, [[ns, _label_key(k, v)]], []) | some k, v in selector.matchLabels]
	fewest := min([count(b) | some b in buckets])
	smallest := [b | some b in buckets; count(b) == fewest][0]
} else := object.get(_index.pods, ns, [])

_label_key(k, v) := sprintf("%s=%v", [k, v])

# The engine evaluates index_build once per run and stores it as
# data.kubeward.index; without it (unit tests) the index is computed here.
_index := data.kubeward.index if data.kubeward.index.pods

else := index_build

# selecting(ns, kind, labels) maps name -> object for the inventory objects of
# kind (NetworkPolicy, PodDisruptionBudget) in ns whose selector may select
# pods with these labels: a superset, which callers filter with the kind's own
# selector semantics. With an index it is a lookup per label instead of a
# scan of every object of the namespace, which made checking every workload
# quadratic in a namespace with many policies.
selecting(ns, kind, labels) := {name: obj |
	some name in _selecting_names(ns, kind, labels)
	obj := get(ns, kind, name)
}

_selecting_names(ns, kind, labels) := {name |
	some k, v in labels
	some name in object.get(_index.selectorsByLabel, [[ns, kind, _label_key(k, v)]], [])
} | {name | some name in object.get(_index.selectorsRest, [ns, kind], [])}

# Where each kind keeps the selector selecting() indexes.
_selector_paths := {"NetworkPolicy": ["spec", "podSelector"], "PodDisruptionBudget": ["spec", "selector"]}

# _selector_key(obj, path) is the "key=value" of the first (sorted) matchLabels
# pair of obj's selector: pods it selects have that label. Undefined when the
# selector has no such pair; the object is then a candidate for every pod.
_selector_key(obj, path) := _label_key(k, sel.matchLabels[k]) if {
	sel := object.get(obj, path, null)
	is_object(sel.matchLabels)
	count(sel.matchLabels) > 0
	k := sort(object.keys(sel.matchLabels))[0]
}

# The indexes below group rows by key with comprehensions that OPA indexes
# (docs: "Comprehension Indexing"): `xs := [r | some r in <rule>; r.k == k]`,
# where k is bound outside and the body reads only rules, is evaluated once for
# every k at the same time. Grouping by scanning the namespace for each key was
# quadratic in the objects of a namespace (2,000 applications in one namespace
# cost 20 times as much per object as over 40). Keep them of that form: a test
# (policies/index_test.go) checks that the compiler indexes each.
#
# Each index is one object comprehension, flat, keyed by an array
# ([namespace, kind, key]), with the grouping comprehension in its body. OPA
# keeps a comprehension's grouping with the evaluation that built it: nested
# one level deeper (a map per namespace inside a rule's value), it was built
# again for every namespace over the rows of all of them. And a rule that
# defines an object key by key (`r[k] := v if ...`) costs OPA a scan of the
# keys defined before for each new one. Both were quadratic in the namespaces
# of the run: the index of the 30k set took 11 s, that of the 10k set 1.2 s.
# Each comprehension enumerates its distinct keys (a set rule), not the rows:
# OPA rehashes a whole object when a comprehension sets a key again.

# One row per selector selecting() indexes: its namespace, kind, name and key.
_selector_rows contains {"ns": ns, "kind": kind, "key": key, "name": name} if {
	some ns in namespaces
	some kind, path in _selector_paths
	some name, o in objects(ns, kind)
	key := _selector_key(o, path)
}

# _selectors_by_label maps [namespace, kind, "key=value"] to the names of the
# objects of that kind whose selector's first matchLabels pair it is.
_selectors_by_label := {[ns, kind, key]: names |
	some [ns, kind, key] in _selector_keys
	names := [r.name | some r in _selector_rows; r.ns == ns; r.kind == kind; r.key == key]
}

_selector_keys contains [r.ns, r.kind, r.key] if some r in _selector_rows

_selectors_rest := {ns: by_kind |
	some ns in namespaces
	by_kind := {kind: [name |
		some name, o in objects(ns, kind)
		not _selector_key(o, path)
	] |
		some kind, path in _selector_paths
	}
}

# scaling(ns, kind, name) is the set of names of the HorizontalPodAutoscalers
# of namespace ns whose scaleTargetRef names that kind and name.
scaling(ns, kind, name) := {n | some n in object.get(_index.scaleTargets, [[ns, kind, name]], [])}

# One row per autoscaler: its namespace, name and the kind and name it scales.
_hpa_rows contains {"ns": ns, "hpa": n, "kind": hpa.spec.scaleTargetRef.kind, "name": hpa.spec.scaleTargetRef.name} if {
	some ns in namespaces
	some n, hpa in objects(ns, "HorizontalPodAutoscaler")
}

# _scale_targets maps [namespace, kind, name] to the names of the autoscalers
# of that namespace that scale the object of that kind and name.
_scale_targets := {[ns, kind, name]: hpas |
	some [ns, kind, name] in _hpa_targets
	hpas := [r.hpa | some r in _hpa_rows; r.ns == ns; r.kind == kind; r.name == name]
}

_hpa_targets contains [r.ns, r.kind, r.name] if some r in _hpa_rows

# index_build indexes the pods of every namespace (the list of pod owners, and
# the same by "key=value" of each pod label), the objects that select pods by
# the "key=value" of their selector, and the targets of autoscalers.
index_build := {
	"pods": _pods,
	"podsByLabel": _pods_by_label,
	"selectorsByLabel": _selectors_by_label,
	"selectorsRest": _selectors_rest,
	"scaleTargets": _scale_targets,
}

_pods := {ns: xs |
	some ns in namespaces
	xs := [x |
		some kind in pods.pod_kinds
		some name, obj in objects(ns, kind)
		x := {"kind": kind, "name": name, "labels": _labels(pods.meta_of(obj))}
	]
}

# One row per label of a pod owner: its namespace, "key=value" and the owner.
_pod_label_rows contains {"ns": ns, "kv": _label_key(k, v), "pod": x} if {
	some ns, xs in _pods
	some x in xs
	some k, v in x.labels
}

# _pods_by_label maps [namespace, "key=value"] to the pod owners of that
# namespace whose pods have that label.
_pods_by_label := {[ns, kv]: xs |
	some [ns, kv] in _pod_label_keys
	xs := [r.pod | some r in _pod_label_rows; r.ns == ns; r.kv == kv]
}

_pod_label_keys contains [r.ns, r.kv] if some r in _pod_label_rows

_labels(meta) := l if {
	l := meta.labels
	is_object(l)
} else := {}
