package kustomize

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/kubeward/kubeward/engine/load"
)

// mergeKeys are the fields that tell the items of a Kubernetes list apart,
// as strategic merge matches them: a built item is found in a source list
// by the first of them it has, whatever the order the lists are written in.
var mergeKeys = []string{"name", "mountPath", "devicePath", "containerPort", "port", "ip", "topologyKey", "key", "type"}

// layer is one file's contribution to a built object: the resource document
// it came from, or a patch applied to it, in the order kustomize applied
// them.
type layer struct {
	file string     // relative to the root
	doc  *yaml.Node // a mapping: resource or strategic-merge document
	op   *yaml.Node // or a JSON 6902 operation
}

// locator places the fields of one built object.
type locator struct {
	built  map[string]any
	layers []layer
	gen    *generator // for a generated object
	// namespace and images are the kustomizations' namespace: keys and
	// images: entries that ran on the object, the last to run first.
	namespace []*at
	images    []imageEntry
	// name turns a file relative to the root into a position's File; own
	// is the object's own file, whose positions carry no File.
	name func(rel string) string
	own  string
}

// at is a node a path reached in a layer.
type at struct {
	node  *yaml.Node // the key of a field, or the item of a list
	value *yaml.Node // the field's value, nil when placed by a JSON 6902 path
	depth int
	file  string
	// path is set for a field a JSON 6902 operation names: the operation's
	// path string, to point at the field's name inside it.
	path *yaml.Node
}

// position implements the function load.Object.Locate takes: the last
// layer that wrote the whole path (preferring one whose value is the built
// one: a later transformer may have changed it), else the deepest part of
// the path any layer wrote, the object's own file first.
func (l *locator) position(p []any) (pos load.Position) {
	defer func() {
		// Placing is best effort: input it does not foresee leaves the
		// finding without a line, never ends the run.
		if recover() != nil {
			pos = load.Position{}
		}
	}()
	if len(p) == 0 {
		if l.gen != nil {
			return l.generated(nil)
		}
		if len(l.layers) > 0 {
			return l.pos(l.walk(l.layers[0], nil))
		}
		return load.Position{}
	}
	var best, full, same *at
	for i := range l.layers {
		a := l.walk(l.layers[i], p)
		if a == nil {
			continue
		}
		if a.depth == len(p) {
			full = a
			if l.sameValue(a, p) {
				same = a
			}
		}
		if best == nil || a.depth > best.depth {
			best = a
		}
	}
	if same == nil {
		if t := l.transformed(p); t != nil {
			return l.pos(t)
		}
	}
	switch {
	case same != nil:
		return l.pos(same)
	case full != nil:
		return l.pos(full)
	case l.gen != nil:
		return l.generated(p)
	case best != nil:
		return l.pos(best)
	}
	return load.Position{}
}

func (l *locator) pos(a *at) load.Position {
	pos := load.Position{Line: a.node.Line, Column: a.node.Column}
	if a.path != nil {
		pos = pathPosition(a.path)
	}
	if a.file != l.own {
		pos.File = l.name(a.file)
	}
	return pos
}

// pathPosition points at the last segment of a JSON 6902 operation's path,
// the field's name: its column when the string is written plain or quoted
// on one line.
func pathPosition(n *yaml.Node) load.Position {
	pos := load.Position{Line: n.Line, Column: n.Column}
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || strings.Contains(n.Value, "\n") {
		return pos
	}
	quote := 0
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		quote = 1
	}
	if i := strings.LastIndexByte(n.Value, '/'); i >= 0 && !strings.ContainsAny(n.Value, `\'`) {
		pos.Column += quote + i + 1
	}
	return pos
}

// generated places a field of a generated object: a data key at the entry
// of the generator's literals or files that makes it, or at its line of an
// envs file; anything else at the generator's name.
func (l *locator) generated(p []any) load.Position {
	g := l.gen
	file := g.file
	pos := load.Position{Line: g.nameKey.Line, Column: g.nameKey.Column}
	if len(p) == 2 && (p[0] == "data" || p[0] == "binaryData" || p[0] == "stringData") {
		key, _ := p[1].(string)
		pairs(g.entry, func(field string, _, v *yaml.Node) {
			for _, e := range items(v) {
				s, _ := scalar(e)
				switch field {
				case "literals", "files":
					name, _, found := strings.Cut(s, "=")
					if !found && field == "files" {
						name = s[strings.LastIndexByte(s, '/')+1:]
					}
					if strings.TrimSpace(name) == key && key != "" {
						pos, file = load.Position{Line: e.Line, Column: e.Column}, g.file
					}
				case "envs", "env":
					rel := path.Clean(path.Join(path.Dir(g.file), strings.TrimSpace(s)))
					if line, col := envLine(g.envs[rel], key); line > 0 {
						pos, file = load.Position{Line: line, Column: col}, rel
					}
				}
			}
		})
	}
	if file != l.own {
		pos.File = l.name(file)
	}
	return pos
}

// envLine finds key in an env file's text (KEY=value lines): its line and
// column, or 0.
func envLine(data []byte, key string) (int, int) {
	if key == "" {
		return 0, 0
	}
	for i, text := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimLeft(text, " \t")
		name, _, _ := strings.Cut(trimmed, "=")
		if strings.TrimSpace(name) == key && !strings.HasPrefix(trimmed, "#") {
			return i + 1, len(text) - len(trimmed) + 1
		}
	}
	return 0, 0
}

// sameValue says whether a scalar a layer wrote is the built one.
func (l *locator) sameValue(a *at, p []any) bool {
	v, ok := valueAt(l.built, p)
	if !ok || a.value == nil {
		return a.value == nil && ok // an operation's value was checked as it was walked
	}
	n := resolve(a.value)
	if n == nil || n.Kind != yaml.ScalarNode {
		return true // a mapping or list: its own fields are placed on their own
	}
	switch v.(type) {
	case map[string]any, []any:
		return false
	}
	return fmt.Sprint(v) == n.Value
}

// walk follows p (as it is in the built object) into a layer and returns
// where it got to, or nil when the layer has nothing of it.
func (l *locator) walk(ly layer, p []any) *at {
	if ly.op != nil {
		return l.walkOp(ly, p)
	}
	// A field none of whose keys the document has is at the object.
	n := resolve(ly.doc)
	return l.follow(ly.file, n, l.built, p, 0, &at{node: n, depth: 0, file: ly.file})
}

// follow walks p from node n, whose built counterpart is b; depth steps
// were taken before n (reached at node last).
func (l *locator) follow(file string, n *yaml.Node, b any, p []any, depth int, last *at) *at {
	for _, step := range p[depth:] {
		n = resolve(n)
		if n == nil {
			break
		}
		var key, val *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			s, ok := step.(string)
			if !ok {
				return last
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == s {
					key, val = n.Content[i], n.Content[i+1]
				}
			}
			if m, ok := b.(map[string]any); ok {
				b = m[s]
			} else {
				b = nil
			}
		case yaml.SequenceNode:
			i, ok := load.PathIndex(step)
			list, _ := b.([]any)
			if !ok || i < 0 || i >= len(list) {
				return last
			}
			key = sameItem(n, list[i], i)
			val, b = key, list[i]
		}
		if key == nil {
			return last
		}
		depth++
		last = &at{node: key, value: val, depth: depth, file: file}
		n = val
	}
	return last
}

// sameItem finds the item of source list n that is built item b (index i
// of the built list): the one with b's merge key, or, for items that have
// none, the one at the same index.
func sameItem(n *yaml.Node, b any, i int) *yaml.Node {
	if m, ok := b.(map[string]any); ok {
		for _, k := range mergeKeys {
			want, ok := m[k]
			if !ok || isComposite(want) {
				continue
			}
			for _, item := range n.Content {
				var found *yaml.Node
				pairs(item, func(key string, _, v *yaml.Node) {
					if key == k {
						found = v
					}
				})
				if found != nil && found.Kind == yaml.ScalarNode && found.Value == fmt.Sprint(want) {
					return item
				}
			}
			return nil
		}
	}
	if i < len(n.Content) {
		return n.Content[i]
	}
	return nil
}

func isComposite(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return true
	}
	return false
}

// walkOp matches p against a JSON 6902 operation that adds or replaces a
// value: the operation's path must be p or a prefix of it, the rest is
// looked for in the operation's value.
func (l *locator) walkOp(ly layer, p []any) *at {
	var opName string
	var pathNode, value *yaml.Node
	pairs(ly.op, func(key string, _, v *yaml.Node) {
		switch key {
		case "op":
			opName, _ = scalar(v)
		case "path":
			pathNode = v
		case "value":
			value = v
		}
	})
	if (opName != "add" && opName != "replace") || pathNode == nil || len(p) == 0 {
		return nil
	}
	segs := strings.Split(strings.TrimPrefix(pathNode.Value, "/"), "/")
	if len(segs) > len(p) || pathNode.Value == "" {
		return nil
	}
	var b any = l.built
	// An index names the item the list had there when the operation ran;
	// a later strategic merge may have moved it. Another index is accepted
	// only when the operation's scalar value is what the path now holds.
	moved := false
	for i, seg := range segs {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		switch step := p[i].(type) {
		case string:
			if seg != step {
				return nil
			}
			m, _ := b.(map[string]any)
			b = m[step]
		default:
			idx, ok := load.PathIndex(step)
			list, _ := b.([]any)
			if !ok || idx < 0 || idx >= len(list) {
				return nil
			}
			if seg == "-" {
				if idx != len(list)-1 {
					return nil
				}
			} else if n, err := strconv.Atoi(seg); err != nil {
				return nil
			} else if n != idx {
				moved = true
			}
			b = list[idx]
		}
	}
	last := &at{node: pathNode, path: pathNode, depth: len(segs), file: ly.file}
	if value == nil {
		return last
	}
	v := resolve(value)
	if len(segs) == len(p) {
		if v != nil && v.Kind == yaml.ScalarNode && !isComposite(b) && fmt.Sprint(b) != v.Value {
			return nil // a later patch or transformer set another value
		}
		if moved && (v == nil || v.Kind != yaml.ScalarNode) {
			return nil
		}
		return last
	}
	if moved {
		return nil
	}
	return l.follow(ly.file, value, b, p, len(segs), last)
}

// valueAt is the built value at p.
func valueAt(v any, p []any) (any, bool) {
	for _, step := range p {
		switch c := v.(type) {
		case map[string]any:
			s, ok := step.(string)
			if !ok {
				return nil, false
			}
			if v, ok = c[s]; !ok {
				return nil, false
			}
		case []any:
			i, ok := load.PathIndex(step)
			if !ok || i < 0 || i >= len(c) {
				return nil, false
			}
			v = c[i]
		default:
			return nil, false
		}
	}
	return v, true
}
