package load

import (
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// Position is a place in a file. Line and Column are 1-based; 0 means unknown.
type Position struct {
	Line   int
	Column int
}

// Position resolves a field path (keys and indexes, as rules return it) to the
// line and column of that field in the object's file. When the field is
// absent, it resolves the longest prefix that exists: a finding about a
// missing field points at its parent.
func (o *Object) Position(path []any) Position {
	n := o.node
	if n == nil {
		return Position{}
	}
	at := n // the node whose position is reported: a key for map entries
	for _, step := range path {
		n = resolveAlias(n)
		next, pos := child(n, step)
		if next == nil {
			break
		}
		n, at = next, pos
	}
	if o.lineMap != nil {
		return Position{Line: o.mapLine(at.Line + o.lineOffset)}
	}
	return Position{Line: at.Line + o.lineOffset, Column: at.Column}
}

// Start is the position of the object itself.
func (o *Object) Start() Position {
	if o.node == nil {
		return Position{}
	}
	if o.lineMap != nil {
		return Position{Line: o.mapLine(o.node.Line + o.lineOffset)}
	}
	return Position{Line: o.node.Line + o.lineOffset, Column: o.node.Column}
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// child returns the node at step below n, and the node whose position stands
// for it (the key of a mapping entry, the item of a sequence).
func child(n *yaml.Node, step any) (*yaml.Node, *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		key, ok := step.(string)
		if !ok {
			return nil, nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1], n.Content[i]
			}
		}
		// Merged mappings (<<: *anchor) hold the rest of the keys.
		for i := 0; i+1 < len(n.Content); i += 2 {
			if isMerge(n.Content[i]) {
				for _, m := range mergeSources(n.Content[i+1]) {
					if v, k := child(m, step); v != nil {
						return v, k
					}
				}
			}
		}
	case yaml.SequenceNode:
		i, ok := index(step)
		if ok && i >= 0 && i < len(n.Content) {
			return n.Content[i], n.Content[i]
		}
	}
	return nil, nil
}

func index(step any) (int, bool) {
	switch v := step.(type) {
	case int:
		return v, true
	case int64:
		return int(v), true
	case float64:
		return int(v), v == float64(int(v))
	case string:
		i, err := strconv.Atoi(v)
		return i, err == nil
	}
	return 0, false
}

// FormatPath renders a field path as a report shows it:
// spec.containers[0].securityContext, metadata.annotations["a.b/c"].
func FormatPath(path []any) string {
	var b strings.Builder
	for _, step := range path {
		if i, ok := step.(int); ok {
			b.WriteString("[" + strconv.Itoa(i) + "]")
			continue
		}
		if f, ok := step.(float64); ok {
			b.WriteString("[" + strconv.FormatFloat(f, 'f', -1, 64) + "]")
			continue
		}
		s, _ := step.(string)
		if isIdentifier(s) {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s)
		} else {
			b.WriteString("[" + strconv.Quote(s) + "]")
		}
	}
	return b.String()
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r == '$' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9') {
			continue
		}
		return false
	}
	return true
}
