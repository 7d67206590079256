# METADATA
# title: Workload outside its isolation zone
# description: |
#   Isolation zones keep workloads of different trust levels (for example PCI
#   and non-PCI) on separate nodes, so that a container escape on one side
#   cannot reach the other. A zone's workloads must be pinned to its nodes,
#   and no other workload may select, require or tolerate its way onto them.
#   Zones are configured in isolationZones; with none configured the rule is
#   silent.
# custom:
#   id: KW-NS-010
#   severity: high
#   kinds: [Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController]
#   profiles: []
#   remediation: Give the zone's workloads the zone's nodeSelector (or a required nodeAffinity on its labels); remove zone node labels and zone taint tolerations from every other workload.
#   references:
#     - https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/
#     - https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: card-vault
#       namespace: payments
#     spec:
#       selector:
#         matchLabels: {app: card-vault}
#       template:
#         metadata:
#           labels: {app: card-vault, pci: "true"}
#         spec:
#           containers:
#             - name: vault
#               image: registry.example.com/card-vault:3.2.0
#   exampleData: |
#     kubeward:
#       config:
#         isolationZones:
#           - name: pci
#             workloads:
#               matchLabels: {pci: "true"}
#             nodeSelector: {node-pool: pci}
package kubeward.rules.namespace.isolation_zone

import data.kubeward.lib.inventory
import data.kubeward.lib.namespaces
import data.kubeward.lib.pods
import data.kubeward.lib.selectors

# The configured zones, as {"name", "zone", "pairs": [[key, value], ...]}.
_zones contains {"name": _zone_name(z), "zone": z, "pairs": _pairs(z)} if {
	zs := data.kubeward.config.isolationZones
	is_array(zs)
	some z in zs
	is_object(z)
}

_zone_name(z) := z.name if is_string(z.name)

else := "<unnamed>"

_pairs(z) := [[k, v] | some k, v in z.nodeSelector] if is_object(z.nodeSelector)

else := []

_pod_labels := l if {
	l := pods.meta.labels
	is_object(l)
} else := {}

_ns := inventory.namespace_of(input)

# _in(zone) holds when the workload is in the zone; _maybe_in(zone) when its
# pods match the zone's workloads selector but the zone also selects
# namespaces and the Namespace is not in the run (its labels are unknown).
_in(zone) if {
	selectors.matches(zone.zone.workloads, _pod_labels)
	_namespace_in(zone.zone)
}

_namespace_in(z) if z.namespaces == null

_namespace_in(z) if not _has_key(z, "namespaces")

_namespace_in(z) if selectors.matches(z.namespaces, namespaces.namespace_labels(_ns))

_maybe_in(zone) if {
	selectors.matches(zone.zone.workloads, _pod_labels)
	_has_key(zone.zone, "namespaces")
	zone.zone.namespaces != null
	not namespaces.namespace_labels(_ns)
}

_has_key(obj, key) if _ = obj[key]

_spec_path(fields) := array.concat(pods.spec_path, fields)

# --- A zone's workload must be pinned to the zone's nodes. ---------------------

deny contains {
	"msg": sprintf("the pod matches isolation zone %q but its nodeSelector and required nodeAffinity do not pin it to the zone's nodes (missing %s); add the zone's nodeSelector.", [zone.name, concat(", ", [sprintf("%s=%v", [p[0], p[1]]) | some p in missing])]),
	"path": _spec_path(["nodeSelector"]),
} if {
	pods.is_pod_or_workload
	some zone in _zones
	_in(zone)
	missing := [p | some p in zone.pairs; not _pinned(p[0], p[1])]
	count(missing) > 0
}

# A pair is pinned by the nodeSelector, or by every required nodeAffinity
# term (terms are ORed, so one term without it lets the pod elsewhere).
_pinned(k, v) if pods.spec.nodeSelector[k] == v

_pinned(k, v) if {
	count(_terms) > 0
	every t in _terms {
		_term_requires(t, k, v)
	}
}

_terms := [t | some t in _required.nodeSelectorTerms] if is_array(_required.nodeSelectorTerms)

else := []

_required := pods.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution

_expressions(t) := t.matchExpressions if is_array(t.matchExpressions)

else := []

_term_requires(t, k, v) if {
	some e in _expressions(t)
	e.key == k
	e.operator == "In"
	is_array(e.values)
	count(e.values) > 0
	every x in e.values {
		x == v
	}
}

# --- A workload in no zone must not reach a zone's nodes. ----------------------

deny contains {
	"msg": sprintf("the pod matches no isolation zone but %s, which puts it on the nodes of zone %s; remove it.", [what, concat(", ", [sprintf("%q", [n]) | some n in sort({x.zone | some x in _reaches; x.path == path; x.what == what})])]),
	"path": path,
} if {
	pods.is_pod_or_workload
	not _in_any_zone
	some [path, what] in {[x.path, x.what] | some x in _reaches}
}

_in_any_zone if {
	some zone in _zones
	_in(zone)
}

_in_any_zone if {
	some zone in _zones
	_maybe_in(zone)
}

# _reaches holds {"zone", "path", "what"} for each field by which the pod
# reaches a zone's nodes.
_reaches contains {"zone": zone.name, "path": _spec_path(["nodeSelector", k]), "what": sprintf("its nodeSelector selects %s=%v", [k, v])} if {
	some zone in _zones
	some [k, v] in zone.pairs
	pods.spec.nodeSelector[k] == v
}

_reaches contains {"zone": zone.name, "path": path, "what": sprintf("its required nodeAffinity requires %s In %v", [k, e.values])} if {
	some zone in _zones
	some [k, v] in zone.pairs
	some i, t in _terms
	some j, e in _expressions(t)
	e.key == k
	e.operator == "In"
	is_array(e.values)
	v in e.values
	path := _spec_path([
		"affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
		"nodeSelectorTerms", i, "matchExpressions", j,
	])
}

_reaches contains {"zone": zone.name, "path": _spec_path(["tolerations", i]), "what": what} if {
	some zone in _zones
	is_array(pods.spec.tolerations)
	some i, tol in pods.spec.tolerations
	is_object(tol)
	some [k, _] in zone.pairs
	what := _tolerates(tol, k)
}

_tolerates(tol, k) := sprintf("it tolerates taints with key %s", [k]) if {
	k != ""
	tol.key == k
}

# An empty key with operator Exists tolerates every taint.
_tolerates(tol, _) := "it tolerates every taint" if {
	object.get(tol, "key", "") == ""
	tol.operator == "Exists"
}
