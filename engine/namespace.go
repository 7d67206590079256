package engine

import (
	"github.com/kubeward/kubeward/engine/internal/inventory"
	"github.com/kubeward/kubeward/engine/load"
)

// DefaultNamespace is where the API server puts a namespaced object when
// neither the object nor the request names a namespace.
const DefaultNamespace = inventory.DefaultNamespace

// NamespaceOf is the namespace the API server would give object o (its
// Namespace as written, or "") applied into fallback (the namespace of the
// request: a chart's release namespace, -n for plain files, "" for none):
// none for a cluster-scoped kind, its own when it writes one, else
// fallback, else "default" (engine/internal/inventory says it in full).
// Reports, the inventory that cross-resource rules read, exceptions and
// baselines all take it from here.
func NamespaceOf(o load.Ref, fallback string) string { return inventory.NamespaceOf(o, fallback) }

// requestNamespace is the namespace objects that name none are applied
// into: -n (Options.Helm.Namespace, the release namespace of charts), else
// "default".
func (l *Linter) requestNamespace() string {
	if l.opts.Namespace != "" {
		return l.opts.Namespace
	}
	return DefaultNamespace
}

// place gives each object the namespace NamespaceOf decides. It is
// idempotent: objects are placed as they load and again before they are
// evaluated, whichever way they came in.
func (l *Linter) place(objs []*load.Object) {
	ns := l.requestNamespace()
	for _, o := range objs {
		if o != nil {
			o.Namespace = NamespaceOf(o.Ref(), ns)
		}
	}
}
