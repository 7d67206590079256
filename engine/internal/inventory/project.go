package inventory

import (
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/policies"
)

// What the bundled library's cross-resource rules read of the objects they
// look up in data.kubeward.inventory (policies/lib/inventory.rego and its
// callers): the whole of static Pods (their commands) and Namespaces,
var wholeKinds = map[string]bool{"Pod": true, "Namespace": true}

// all but the metadata of these kinds (selectors, roles, quotas, ...),
var specKinds = map[string]bool{
	"NetworkPolicy": true, "PodDisruptionBudget": true, "HorizontalPodAutoscaler": true,
	"ServiceAccount": true, "Role": true, "ClusterRole": true, "ResourceQuota": true, "LimitRange": true,
}

// the keys, not the values, of these kinds' maps (which keys a Secret or a
// ConfigMap holds),
var keyedKinds = map[string][]string{
	"Secret":    {"data", "stringData", "binaryData"},
	"ConfigMap": {"data", "binaryData"},
}

// of a Service's spec only its ports (an Ingress backend names one),
var specFields = map[string][]string{"Service": {"ports"}}

// of the pod template of the pod kinds (policies/kinds.yaml), its metadata
// (labels index pods) and its containers' names, ports and restart policies
// (a Service's named target ports are looked up in them), and the
// workload's replicas,

var (
	templateContainers = []string{"containers", "initContainers"}
	containerKeys      = []string{"name", "ports", "restartPolicy"}
)

// a Secret's type (the token controller fills some keys),
var keptFields = map[string][]string{"Secret": {"type"}}

// and of every other kind only whether it exists and its group: these (and
// metadataKeys) are kept of every object.
var identityKeys = []string{"apiVersion", "kind"}

// projection is the part of an object's Value that the library's
// cross-resource rules can read of it through the inventory. A CRD's schema or
// a PrometheusRule's alerts are most of a large input's bytes, and no rule
// reads them of another object. A test compares a run's findings with and
// without projections (TestStreamingGivesTheSameFindings). Values of the
// wrong type are kept as they are: rules see what they would have seen.
func projection(kind string, v ast.Value) ast.Value {
	obj, ok := v.(ast.Object)
	if !ok || wholeKinds[kind] {
		return v
	}
	out := ast.NewObject()
	if specKinds[kind] {
		obj.Foreach(func(k, t *ast.Term) { out.Insert(k, t) })
	}
	keepKeys(out, obj, slices.Concat(identityKeys, keptFields[kind]))
	if fields, ok := specFields[kind]; ok {
		insert(out, "spec", subset(obj.Get(keyTerm("spec")), fields))
	}
	keys := metadataKeys
	if labeledKinds[kind] {
		keys = labeledKeys
	}
	insert(out, "metadata", subset(obj.Get(keyTerm("metadata")), keys))
	if path, ok := policies.Kinds.TemplatePath(kind); ok && len(path) > 0 {
		insert(out, path[0], templateProjection(obj, path))
	}
	for _, k := range keyedKinds[kind] {
		t := obj.Get(keyTerm(k))
		if m, ok := valueOf(t).(ast.Object); ok {
			keys := ast.NewObject()
			m.Foreach(func(key, _ *ast.Term) { keys.Insert(key, ast.InternedEmptyString) })
			t = ast.NewTerm(keys)
		}
		insert(out, k, t)
	}
	return out
}

// metadataKeys are what is kept of the metadata of an object that is not kept
// whole: what identifies it, and the labels of the kinds whose labels a
// selector of another object matches (a ClusterRole's aggregationRule; pods'
// labels are those of the template).
var (
	metadataKeys = []string{"name", "namespace"}
	labeledKeys  = []string{"name", "namespace", "labels"}
	labeledKinds = map[string]bool{"ClusterRole": true}
	templateKeys = []string{"labels"}
)

// valueOf is t's value, nil for nil.
func valueOf(t *ast.Term) ast.Value {
	if t == nil {
		return nil
	}
	return t.Value
}

// insert sets key in o to t, unless t is nil.
func insert(o ast.Object, key string, t *ast.Term) {
	if t != nil {
		o.Insert(keyTerm(key), t)
	}
}

// detached is t, or a copy of it when it holds a scalar. load makes the
// scalar terms of a mapping in one block: keeping the term of an object's
// name would keep its uid, resourceVersion, timestamps and the block with
// them for the rest of the run (a container's name, its image and command).
func detached(t *ast.Term) *ast.Term {
	switch t.Value.(type) {
	case ast.String, ast.Number, ast.Boolean, ast.Null:
		return ast.NewTerm(t.Value)
	}
	return t
}

// keyTerms are the keys projections write, one term each for every
// projection: a run keeps the projection of every object to its end, and a
// term per key and object was a tenth of them. The keys are this file's and
// the pod template paths of policies/kinds.yaml: a few dozen.
var keyTerms sync.Map // string -> *ast.Term

// keyTerm is the term of key that projections share. Nothing changes a
// value once loaded (load shares the keys of the objects it reads too).
func keyTerm(key string) *ast.Term {
	if t, ok := keyTerms.Load(key); ok {
		return t.(*ast.Term)
	}
	t, _ := keyTerms.LoadOrStore(key, ast.StringTerm(key))
	return t.(*ast.Term)
}

// subset is an object term with only keys of t's, t itself when t is not an
// object (nil for nil).
func subset(t *ast.Term, keys []string) *ast.Term {
	m, ok := valueOf(t).(ast.Object)
	if !ok {
		return t
	}
	out := ast.NewObject()
	keepKeys(out, m, keys)
	return ast.NewTerm(out)
}

// keepKeys copies the terms of keys that from has into to, a scalar's in a
// term of its own (detached).
func keepKeys(to, from ast.Object, keys []string) {
	for _, k := range keys {
		key := keyTerm(k)
		if t := from.Get(key); t != nil {
			to.Insert(key, detached(t))
		}
	}
}

// templateProjection is the projection of the pod template at path (its
// first key's term), nil when there is none.
func templateProjection(obj ast.Object, path []string) *ast.Term {
	t := obj.Get(keyTerm(path[0]))
	o, ok := valueOf(t).(ast.Object)
	if !ok {
		return t
	}
	out := ast.NewObject()
	if len(path) > 1 {
		// A budget's minAvailable is compared with the replicas of the
		// workloads it selects.
		keepKeys(out, o, []string{"replicas"})
		insert(out, path[1], templateProjection(o, path[1:]))
		return ast.NewTerm(out)
	}
	insert(out, "metadata", subset(o.Get(keyTerm("metadata")), templateKeys))
	specT := o.Get(keyTerm("spec"))
	spec, ok := valueOf(specT).(ast.Object)
	if !ok {
		insert(out, "spec", specT)
		return ast.NewTerm(out)
	}
	ps := ast.NewObject()
	for _, field := range templateContainers {
		ct := spec.Get(keyTerm(field))
		if list, ok := valueOf(ct).(*ast.Array); ok {
			kept := make([]*ast.Term, 0, list.Len())
			list.Foreach(func(c *ast.Term) { kept = append(kept, subset(c, containerKeys)) })
			ct = ast.ArrayTerm(kept...)
		}
		insert(ps, field, ct)
	}
	out.Insert(keyTerm("spec"), ast.NewTerm(ps))
	return ast.NewTerm(out)
}

// Project is what a run keeps of an object it will read again.
func Project(o *load.Object) *load.Object {
	return o.Projected(projection(o.Kind, o.Value))
}
