package load

import (
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	yaml "go.yaml.in/yaml/v3"
)

// noiseFields are written by the API server, not by the object's author:
// rules never see them (catalogue: live-cluster exports carry noise).
var (
	noiseTop      = map[string]bool{"status": true}
	noiseMetadata = map[string]bool{
		"managedFields": true, "resourceVersion": true, "uid": true, "generation": true,
		"creationTimestamp": true, "selfLink": true,
	}
	noiseTopTerms      = termsOf(noiseTop)
	noiseMetadataTerms = termsOf(noiseMetadata)
)

func termsOf(keys map[string]bool) []*ast.Term {
	out := make([]*ast.Term, 0, len(keys))
	for k := range keys {
		out = append(out, ast.StringTerm(k))
	}
	return out
}

// objectsOf turns one parsed YAML document into objects: one, or the items
// of a List. before is how many values the file's earlier documents
// expanded to (the --max-nodes budget is the file's); it also returns the
// document's own count.
func objectsOf(file string, doc int, root *yaml.Node, c chunk, limits Limits, before int) ([]*Object, []Error, int) {
	node := resolveAlias(root.Content[0])
	fail := func(n *yaml.Node, msg string) ([]*Object, []Error, int) {
		return nil, []Error{{File: file, Line: c.lineOffset + n.Line, Column: n.Column, Message: msg}}, 0
	}
	if node.Kind != yaml.MappingNode {
		o, e, n := fail(node, fmt.Sprintf("document is %s, not a Kubernetes object (a mapping with apiVersion and kind)", describeNode(node)))
		e[0].notObject = true
		return o, e, n
	}
	conv := &converter{limits: limits, lineOffset: c.lineOffset, before: before}
	v, err := conv.value(node, 0)
	if err != nil {
		var ne *nodeError
		if errors.As(err, &ne) {
			return nil, []Error{{File: file, Line: c.lineOffset + ne.line, Column: ne.column, Message: ne.msg}}, conv.nodes
		}
		o, e, _ := fail(node, err.Error())
		return o, e, conv.nodes
	}
	objs, errs := objectsOfValue(file, doc, node, v, conv, c)
	return objs, errs, conv.nodes
}

// objectsOfValue is objectsOf once the document is converted.
func objectsOfValue(file string, doc int, node *yaml.Node, v ast.Value, conv *converter, c chunk) ([]*Object, []Error) {
	fail := func(n *yaml.Node, msg string) ([]*Object, []Error) {
		return nil, []Error{{File: file, Line: c.lineOffset + n.Line, Column: n.Column, Message: msg}}
	}
	src := Source{File: file, Document: doc, Item: -1, Template: helmTemplate(c.text)}
	obj := v.(ast.Object)
	apiVersion, kind, problem := typeOf(obj)
	if problem != "" {
		o, e := fail(node, problem)
		// Neither key: some other YAML (compose, values, CI). One of the
		// two: a manifest written wrong, which stays an error.
		e[0].notObject = obj.Get(keyTerm("apiVersion")) == nil && obj.Get(keyTerm("kind")) == nil
		return o, e
	}
	pos, top := buildPositions(node, conv.containers, conv.nodes)
	if items, ok := field(obj, "items").(*ast.Array); ok && isList(kind, obj) {
		nodes, roots := itemsNode(node), itemRoots(pos, top)
		// An items key written as an alias (*k: [...]) is found by value
		// only: its items are placed at the list.
		for len(nodes) < items.Len() {
			nodes = append(nodes, node)
		}
		for len(roots) < items.Len() {
			roots = append(roots, top)
		}
		return listItems(file, src, apiVersion, kind, items, nodes, pos, roots, c)
	}
	o, problem := newObject(obj, node, pos, top, src, c.lineOffset)
	if problem != "" {
		return fail(node, problem)
	}
	return []*Object{o}, nil
}

func isList(kind string, obj ast.Object) bool {
	return kind == "List" || (strings.HasSuffix(kind, "List") && obj.Get(keyTerm("items")) != nil)
}

// listItems expands `kind: List` and typed lists (DeploymentList) into their
// items. Items of a typed list may omit apiVersion and kind (the API server
// leaves them out); they take the list's.
func listItems(file string, src Source, apiVersion, kind string, items *ast.Array, nodes []*yaml.Node, pos *positions, roots []int32, c chunk) ([]*Object, []Error) {
	var objs []*Object
	var errs []Error
	itemKind := strings.TrimSuffix(kind, "List")
	for i := 0; i < items.Len(); i++ {
		n := nodes[i]
		s := src
		s.Item = i
		at := func(msg string) {
			errs = append(errs, Error{File: file, Line: c.lineOffset + n.Line, Column: n.Column, Message: fmt.Sprintf("item %d of the %s: %s", i, kind, msg)})
		}
		item, ok := items.Elem(i).Value.(ast.Object)
		if !ok {
			at(fmt.Sprintf("is %s, not a Kubernetes object", describeNode(n)))
			continue
		}
		if kind != "List" {
			if item.Get(keyTerm("kind")) == nil {
				item.Insert(keyTerm("kind"), ast.StringTerm(itemKind))
			}
			if item.Get(keyTerm("apiVersion")) == nil {
				item.Insert(keyTerm("apiVersion"), ast.StringTerm(apiVersion))
			}
		}
		if _, _, problem := typeOf(item); problem != "" {
			at(problem)
			continue
		}
		o, problem := newObject(item, n, pos, roots[i], s, c.lineOffset)
		if problem != "" {
			at(problem)
			continue
		}
		objs = append(objs, o)
	}
	return objs, errs
}

// itemsNode returns the items of a List's mapping, for messages about them.
func itemsNode(mapping *yaml.Node) []*yaml.Node {
	if n := itemsOf(mapping); n != nil {
		out := make([]*yaml.Node, len(n.Content))
		for i, item := range n.Content {
			out[i] = resolveAlias(item)
		}
		return out
	}
	return nil
}

// itemsOf finds the items key of a mapping, or of a mapping merged into it.
func itemsOf(mapping *yaml.Node) *yaml.Node {
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if mapping.Content[i].Value == "items" {
			return resolveAlias(mapping.Content[i+1])
		}
	}
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if isMerge(mapping.Content[i]) {
			for _, m := range mergeSources(mapping.Content[i+1]) {
				if n := itemsOf(m); n != nil {
					return n
				}
			}
		}
	}
	return nil
}

// itemRoots returns the position nodes of a List's items.
func itemRoots(pos *positions, root int32) []int32 {
	e := pos.child(root, "items")
	if e == nil || e.child < 0 || !pos.nodes[e.child].seq() {
		return nil
	}
	items := pos.nodes[e.child]
	out := make([]int32, items.count)
	for i := range out {
		out[i] = pos.entries[items.first+int32(i)].child
	}
	return out
}

// typeOf reads apiVersion and kind, or says why the document is not an object.
func typeOf(obj ast.Object) (apiVersion, kind, problem string) {
	av, avOK := stringField(obj, "apiVersion")
	k, kOK := stringField(obj, "kind")
	switch {
	case obj.Get(keyTerm("apiVersion")) == nil && obj.Get(keyTerm("kind")) == nil:
		return "", "", "document has no apiVersion and kind: not a Kubernetes object"
	case obj.Get(keyTerm("kind")) == nil:
		return "", "", "document has no kind"
	case !kOK:
		return "", "", fmt.Sprintf("kind must be a string, found %s", describeValue(obj.Get(keyTerm("kind")).Value))
	case k == "":
		return "", "", "kind is empty"
	case obj.Get(keyTerm("apiVersion")) == nil:
		return "", "", "document has no apiVersion"
	case !avOK:
		return "", "", fmt.Sprintf("apiVersion must be a string, found %s", describeValue(obj.Get(keyTerm("apiVersion")).Value))
	case av == "":
		return "", "", "apiVersion is empty"
	}
	return av, k, ""
}

// field is obj[key], or nil when absent.
func field(obj ast.Object, key string) ast.Value {
	if t := obj.Get(keyTerm(key)); t != nil {
		return t.Value
	}
	return nil
}

func stringField(obj ast.Object, key string) (string, bool) {
	t := obj.Get(keyTerm(key))
	if t == nil {
		return "", false
	}
	s, ok := t.Value.(ast.String)
	return string(s), ok
}

// newObject makes the object of obj, converted from node, whose fields are
// pos below root.
func newObject(obj ast.Object, node *yaml.Node, pos *positions, root int32, src Source, lineOffset int) (*Object, string) {
	o := &Object{Source: src, pos: pos, root: root, line: clamp(node.Line), col: clamp(node.Column), lineOffset: lineOffset}
	o.APIVersion, _ = stringField(obj, "apiVersion")
	o.Kind, _ = stringField(obj, "kind")
	if t := obj.Get(keyTerm("metadata")); t != nil {
		meta, ok := t.Value.(ast.Object)
		if !ok {
			return nil, fmt.Sprintf("metadata must be a mapping, found %s", describeValue(t.Value))
		}
		var problem string
		if o.Name, problem = optionalString(meta, "name"); problem != "" {
			return nil, problem
		}
		if o.Namespace, problem = optionalString(meta, "namespace"); problem != "" {
			return nil, problem
		}
		o.UID, _ = stringField(meta, "uid")
		o.Controller = controllerOf(meta)
		if o.Name == "" {
			o.Name, _ = stringField(meta, "generateName")
		}
	}
	o.Value = withoutNoise(obj)
	return o, ""
}

func optionalString(meta ast.Object, key string) (string, string) {
	t := meta.Get(keyTerm(key))
	if t == nil {
		return "", ""
	}
	if _, null := t.Value.(ast.Null); null {
		return "", ""
	}
	s, ok := t.Value.(ast.String)
	if !ok {
		return "", fmt.Sprintf("metadata.%s must be a string, found %s", key, describeValue(t.Value))
	}
	return string(s), ""
}

func controllerOf(meta ast.Object) *OwnerRef {
	refs, ok := field(meta, "ownerReferences").(*ast.Array)
	if !ok {
		return nil
	}
	var out *OwnerRef
	refs.Foreach(func(t *ast.Term) {
		ref, ok := t.Value.(ast.Object)
		if !ok || out != nil {
			return
		}
		if c := ref.Get(keyTerm("controller")); c == nil || !ast.Boolean(true).Equal(c.Value) {
			return
		}
		r := &OwnerRef{}
		r.APIVersion, _ = stringField(ref, "apiVersion")
		r.Kind, _ = stringField(ref, "kind")
		r.Name, _ = stringField(ref, "name")
		r.UID, _ = stringField(ref, "uid")
		out = r
	})
	return out
}

// withoutNoise is obj without the fields the API server writes. Most input
// has none of them: then obj itself, not a copy.
func withoutNoise(obj ast.Object) ast.Value {
	if !hasAny(obj, noiseTopTerms) {
		meta, _ := field(obj, "metadata").(ast.Object)
		if meta == nil || !hasAny(meta, noiseMetadataTerms) {
			return obj
		}
	}
	out := ast.NewObject()
	obj.Foreach(func(k, v *ast.Term) {
		key, _ := k.Value.(ast.String)
		if noiseTop[string(key)] {
			return
		}
		if key == "metadata" {
			if meta, ok := v.Value.(ast.Object); ok {
				clean := ast.NewObject()
				meta.Foreach(func(mk, mv *ast.Term) {
					if s, _ := mk.Value.(ast.String); !noiseMetadata[string(s)] {
						clean.Insert(mk, mv)
					}
				})
				v = ast.NewTerm(clean)
			}
		}
		out.Insert(k, v)
	})
	return out
}

// hasAny reports whether obj has one of keys.
func hasAny(obj ast.Object, keys []*ast.Term) bool {
	for _, k := range keys {
		if obj.Get(k) != nil {
			return true
		}
	}
	return false
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "null"
		}
		return fmt.Sprintf("a scalar (%q)", truncate(n.Value, 40))
	case yaml.MappingNode:
		return "a mapping"
	}
	return "not a mapping"
}

func describeValue(v ast.Value) string {
	switch v.(type) {
	case ast.String:
		return "a string"
	case ast.Number:
		return "a number (" + v.String() + ")"
	case ast.Boolean:
		return "a boolean (" + v.String() + ")"
	case ast.Null:
		return "null"
	case *ast.Array:
		return "a list"
	case ast.Object:
		return "a mapping"
	}
	return "a " + ast.ValueName(v)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
