package load

import (
	"strconv"
	"strings"
)

// Position is a place in a file. Line and Column are 1-based; 0 means unknown.
type Position struct {
	Line   int
	Column int
	// File is set when the position is in another file than the object's
	// Source.File: a Kustomize patch that set the field.
	File string
}

// Position resolves a field path (keys and indexes, as rules return it) to the
// line and column of that field in the object's file. When the field is
// absent, it resolves the longest prefix that exists: a finding about a
// missing field points at its parent.
func (o *Object) Position(path []any) Position {
	if o.locate != nil {
		return o.locate(path)
	}
	t := o.pos
	if t == nil {
		return Position{}
	}
	n := o.root
	line, col := o.line, o.col
	for _, step := range path {
		if n < 0 {
			break // a scalar has no fields
		}
		e := t.child(n, step)
		if e == nil {
			break
		}
		line, col, n = e.line, e.col, e.child
	}
	return o.position(line, col)
}

// Start is the position of the object itself.
func (o *Object) Start() Position {
	if o.locate != nil {
		return o.locate(nil)
	}
	if o.pos == nil {
		return Position{}
	}
	return o.position(o.line, o.col)
}

func (o *Object) position(line, col int32) Position {
	if o.posMap != nil {
		return o.posMap(Position{Line: int(line) + o.lineOffset, Column: int(col)})
	}
	if o.lineMap != nil {
		return Position{Line: o.mapLine(int(line) + o.lineOffset)}
	}
	return Position{Line: int(line) + o.lineOffset, Column: int(col)}
}

// PathIndex reads a list index of a field path: an integer, or a number or
// string holding one (paths come from Go, JSON and rules alike).
func PathIndex(step any) (int, bool) {
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
