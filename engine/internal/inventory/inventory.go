// Package inventory is what a run knows of its objects besides evaluating
// them one by one: the inventory cross-resource rules read
// (data.kubeward.inventory) and the indexes the Rego library builds from it,
// the namespace the API server would give each object, the projection a
// large run keeps of an object, the objects whose controller is also in the
// input, and the metadata the config filter matches.
package inventory

import (
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/engine/load"
)

// Build indexes every object of the run by namespace and kind, so that a
// cross-resource rule looks objects up instead of scanning them all:
//
//	namespaced[<namespace>][<kind>][<name>] = object   (namespace: NamespaceOf, set by place)
//	cluster[<kind>][<name>] = object
func Build(objs []*load.Object) ast.Object {
	namespaced := map[string]map[string]ast.Object{}
	cluster := map[string]ast.Object{}
	for _, o := range objs {
		name := ast.StringTerm(o.Name)
		if clusterScoped(o.Kind) {
			byName, ok := cluster[o.Kind]
			if !ok {
				byName = ast.NewObject()
				cluster[o.Kind] = byName
			}
			byName.Insert(name, ast.NewTerm(o.Value))
			continue
		}
		ns := o.Namespace
		if ns == "" {
			ns = DefaultNamespace // an object not placed (Go API tests of inventory)
		}
		kinds, ok := namespaced[ns]
		if !ok {
			kinds = map[string]ast.Object{}
			namespaced[ns] = kinds
		}
		byName, ok := kinds[o.Kind]
		if !ok {
			byName = ast.NewObject()
			kinds[o.Kind] = byName
		}
		byName.Insert(name, ast.NewTerm(o.Value))
	}
	ns := ast.NewObject()
	for n, kinds := range namespaced {
		k := ast.NewObject()
		for kind, byName := range kinds {
			k.Insert(ast.StringTerm(kind), ast.NewTerm(byName))
		}
		ns.Insert(ast.StringTerm(n), ast.NewTerm(k))
	}
	cl := ast.NewObject()
	for kind, byName := range cluster {
		cl.Insert(ast.StringTerm(kind), ast.NewTerm(byName))
	}
	return ast.NewObject(
		ast.Item(ast.StringTerm("namespaced"), ast.NewTerm(ns)),
		ast.Item(ast.StringTerm("cluster"), ast.NewTerm(cl)),
	)
}
