package inventory

import (
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/policies"
)

// DefaultNamespace is where the API server puts a namespaced object when
// neither the object nor the request names a namespace.
const DefaultNamespace = "default"

// NamespaceOf is the namespace the API server would give object o (its
// Namespace as written, or "") applied into fallback (the namespace of the
// request: a chart's release namespace, -n for plain files, "" for none):
// none for a cluster-scoped kind, whatever it writes, and none for what has
// no name (configuration files such as KubeletConfiguration or an audit
// Policy, which are never applied); its own when it writes one (a
// kustomization's namespace: is written into its objects); else fallback,
// else "default". Reports, the inventory that cross-resource rules read,
// exceptions and baselines all take it from here.
func NamespaceOf(o load.Ref, fallback string) string {
	switch {
	case clusterScoped(o.Kind) || (o.Name == "" && o.Namespace == ""):
		return ""
	case o.Namespace != "":
		return o.Namespace
	case fallback != "":
		return fallback
	}
	return DefaultNamespace
}

// clusterScoped says whether kind lives outside namespaces (policies/kinds.yaml).
func clusterScoped(kind string) bool { return policies.Kinds.IsClusterScoped(kind) }
