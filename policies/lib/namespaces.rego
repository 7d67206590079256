# METADATA
# title: Namespace helpers
# description: |
#   The system namespaces and the Pod Security Admission namespace labels
#   (catalogue section 9), with PSA's own validation of their values
#   (k8s.io/pod-security-admission api.ParseLevel / api.ParseVersion).
#   Stable API for user policies: data.kubeward.lib.namespaces.
package kubeward.lib.namespaces

import data.kubeward.lib.inventory

# SYSTEM_NS: the namespaces Kubernetes itself creates and uses.
system := {"kube-system", "kube-public", "kube-node-lease"}

# is_system(name) holds for a SYSTEM_NS name.
is_system(name) if name in system

# name is the name of the object under review ("" when unset or not a string).
name := n if {
	n := input.metadata.name
	is_string(n)
} else := ""

# labels_of(obj) is obj's metadata.labels ({} when unset or not a map).
labels_of(obj) := l if {
	l := obj.metadata.labels
	is_object(l)
} else := {}

# The PSA modes, in the order PSA reads them, and the valid levels.
psa_modes := ["enforce", "audit", "warn"]

psa_levels := {"privileged", "baseline", "restricted"}

# psa_label(mode) is the level label of a mode, psa_version_label(mode) its
# version label.
psa_label(mode) := sprintf("pod-security.kubernetes.io/%s", [mode])

psa_version_label(mode) := sprintf("pod-security.kubernetes.io/%s-version", [mode])

# psa_level(obj, mode) is the value of obj's level label for mode; undefined
# when the label is absent.
psa_level(obj, mode) := labels_of(obj)[psa_label(mode)]

# valid_level(v) holds for a level PSA accepts.
valid_level(v) if v in psa_levels

# valid_version(v) holds for a version PSA accepts: "latest" or v1.<minor>.
valid_version("latest")

valid_version(v) if {
	is_string(v)
	regex.match(`^v1\.([0-9]|[1-9][0-9]*)$`, v)
}

# label_path(key) is the path of label key of the object under review.
label_path(key) := ["metadata", "labels", key]

# namespace_labels(ns) is the labels of the inventory Namespace ns, with the
# kubernetes.io/metadata.name label the API server sets on every Namespace;
# undefined when the Namespace is not in the inventory.
namespace_labels(ns) := object.union(labels_of(obj), {"kubernetes.io/metadata.name": ns}) if {
	obj := inventory.cluster_get("Namespace", ns)
}
