// Package linemap maps the lines of rendered output (a Helm template's
// output, a resource as kustomize writes it) back to the lines of the source
// that produced them.
//
// It is a heuristic: the output is aligned to the source with a weighted
// longest common subsequence in which a line matches when its text is the
// same, when it starts with the literal text of a template line before the
// first action ("image: {{ .Values.image }}" matches "image: nginx"), or when
// it has the same mapping key. An output line that aligns with nothing (the
// lines a `toYaml … | nindent` writes, a field a patch added) goes to the first
// template action between its aligned neighbours, or else to the nearest
// aligned line above it that is less indented (its parent key). Lines outside the source (0) are never invented.
//
// The text comes from whoever wrote the chart or kustomization, so the cost
// is linear in it: lines are compared by interned identity, the alignment
// table is bounded (maxCells), a literal prefix is compared on at most
// maxLiteral bytes, and the unaligned lines are resolved in one pass.
package linemap

import (
	"sort"
	"strings"
)

// maxCells bounds the alignment table; past it, only exact text is matched,
// in order (a linear scan).
const maxCells = 4_000_000

// maxLiteral is how much of a template line's literal text before its first
// action is compared with an output line: enough to tell keys apart, and
// what keeps one comparison from costing the length of a line.
const maxLiteral = 64

// window is how far ahead of the last match greedy looks for the next.
const window = 200

// srcLine is what score needs of a template line, computed once.
type srcLine struct {
	right, both, key int    // interned: right-trimmed text, trimmed text, mapping key (0 none)
	action           bool   // has "{{"
	lit              string // trimmed literal before the first "{{", at most maxLiteral bytes
	litShort         bool   // the literal is under 2 bytes: no prefix match
	writes           bool   // an action line that writes (not a bare if/end/range …)
}

// outLine is what score and the resolution need of an output line.
type outLine struct {
	right, both, key int
	blank            bool   // empty or "---": matches nothing
	text             string // trimmed
	indent           int
}

// interner numbers distinct strings from 1.
type interner map[string]int

func (in interner) id(s string) int {
	if v, ok := in[s]; ok {
		return v
	}
	in[s] = len(in) + 1
	return len(in)
}

// Align returns f(outLine) = srcLine (both 1-based; 0 when unknown).
func Align(src, out string) func(int) int {
	sl := strings.Split(src, "\n")
	ol := strings.Split(out, "\n")
	in := interner{}
	s := make([]srcLine, len(sl))
	for j, line := range sl {
		st := strings.TrimRight(line, " \t\r")
		both := strings.TrimSpace(st)
		l := srcLine{right: in.id(st), both: in.id(both)}
		if i := strings.Index(st, "{{"); i >= 0 {
			l.action = true
			lit := strings.TrimSpace(st[:i])
			l.litShort = len(lit) < 2
			if len(lit) > maxLiteral {
				lit = lit[:maxLiteral]
			}
			l.lit = lit
			l.writes = !isControl(line)
		} else if k := key(both); k != "" {
			l.key = in.id(k)
		}
		s[j] = l
	}
	o := make([]outLine, len(ol))
	for i, line := range ol {
		both := strings.TrimSpace(line)
		l := outLine{text: both, indent: indent(line)}
		if both == "" || both == "---" {
			l.blank = true
		} else {
			l.right = in.id(strings.TrimRight(line, " \t\r"))
			l.both = in.id(both)
			if k := key(both); k != "" {
				l.key = in.id(k)
			}
		}
		o[i] = l
	}

	pair := make([]int, len(o)) // out index -> src index + 1, 0 unmatched
	if len(s)*len(o) <= maxCells {
		lcs(s, o, pair)
	} else {
		greedy(s, o, pair)
	}
	return resolve(s, o, pair)
}

// resolve gives each unmatched output line the first writing template
// action between its matched neighbours, or else its parent's line (the
// nearest matched line above that is less indented), or else the line of
// the nearest matched line above.
func resolve(s []srcLine, o []outLine, pair []int) func(int) int {
	// nextWrite[j]: the first writing action line at index >= j (len(s): none).
	nextWrite := make([]int, len(s)+1)
	nextWrite[len(s)] = len(s)
	for j := len(s) - 1; j >= 0; j-- {
		nextWrite[j] = nextWrite[j+1]
		if s[j].action && s[j].writes {
			nextWrite[j] = j
		}
	}
	// next[i]: the src line of the nearest matched output line below i.
	next := make([]int, len(o))
	after := len(s) + 1
	for i := len(o) - 1; i >= 0; i-- {
		next[i] = after
		if pair[i] != 0 {
			after = pair[i]
		}
	}
	// stack: matched lines above, strictly more indented towards the top;
	// a matched line hides those above it that are as indented or more, as
	// it is nearer to every line below that they could be the parent of.
	type entry struct{ indent, src int }
	var stack []entry
	resolved := make([]int, len(o))
	prev := 0
	for i := range o {
		if pair[i] != 0 {
			resolved[i] = pair[i]
			for len(stack) > 0 && stack[len(stack)-1].indent >= o[i].indent {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, entry{o[i].indent, pair[i]})
			prev = pair[i]
			continue
		}
		parent := 0
		if k := sort.Search(len(stack), func(k int) bool { return stack[k].indent >= o[i].indent }); k > 0 {
			parent = stack[k-1].src
		}
		resolved[i] = parent
		if parent == 0 {
			resolved[i] = prev
		}
		if j := nextWrite[min(prev, len(s))]; j < next[i]-1 && j < len(s) { // s[j] is line j+1
			resolved[i] = j + 1
		}
	}
	return func(line int) int {
		if line < 1 || line > len(resolved) {
			return 0
		}
		return resolved[line-1]
	}
}

// isControl is a template line that writes nothing itself ({{- if }}, {{ end }}).
func isControl(line string) bool {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, "{{") || !strings.HasSuffix(t, "}}") || strings.Count(t, "{{") != 1 {
		return false
	}
	inner := strings.TrimSpace(strings.Trim(strings.Trim(t, "{}"), "-"))
	for _, kw := range []string{"if ", "else", "end", "range ", "with ", "define ", "/*", "$"} {
		if strings.HasPrefix(inner, kw) {
			return true
		}
	}
	return false
}

// score weighs a match: 4 same text, 3 same text but indentation, 2 the
// output starts with the template line's literal text, 1 same mapping key.
func score(s *srcLine, o *outLine) int32 {
	switch {
	case o.blank:
		return 0
	case s.right == o.right:
		return 4
	case s.both == o.both:
		return 3
	case s.action:
		if !s.litShort && strings.HasPrefix(o.text, s.lit) {
			return 2
		}
		return 0
	case s.key != 0 && s.key == o.key:
		return 1
	}
	return 0
}

// key is the mapping key a line starts with ("- name: x" gives "- name:").
func key(t string) string {
	i := strings.Index(t, ":")
	if i <= 0 || (i+1 < len(t) && t[i+1] != ' ') {
		return ""
	}
	return t[:i+1]
}

func lcs(s []srcLine, o []outLine, pair []int) {
	n, m := len(o), len(s)
	w := m + 1
	dp := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := dp[(i+1)*w+j]
			if v := dp[i*w+j+1]; v > best {
				best = v
			}
			if sc := score(&s[j], &o[i]); sc > 0 {
				if v := dp[(i+1)*w+j+1] + sc; v > best {
					best = v
				}
			}
			dp[i*w+j] = best
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		sc := score(&s[j], &o[i])
		switch {
		case sc > 0 && dp[i*w+j] == dp[(i+1)*w+j+1]+sc:
			pair[i] = j + 1
			i++
			j++
		case dp[i*w+j] == dp[(i+1)*w+j]:
			i++
		default:
			j++
		}
	}
}

func greedy(s []srcLine, o []outLine, pair []int) {
	j := 0
	for i := range o {
		for k := j; k < len(s) && k < j+window; k++ {
			if score(&s[k], &o[i]) >= 3 {
				pair[i] = k + 1
				j = k + 1
				break
			}
		}
	}
}

// indent counts leading spaces; a sequence dash counts as indentation, so
// the fields of a list item are children of the line above the item.
func indent(line string) int {
	return len(line) - len(strings.TrimLeft(line, " -"))
}
