package helm

// Where rendered text comes from. Aligning a template's output with its text
// afterwards is a guess: it cannot tell the documents of a range apart, and
// it can match an output line to an identical line of a block that was not
// rendered. So the template is told to say it while it runs: before each
// literal line of the template's own text (in every branch and loop body) and
// before each action that writes, instrument inserts a marker naming the
// template line and column; the markers are read out of the output, and
// removed, before the objects are parsed. A marker is only written when the
// text after it is, so a field is never mapped into a block that produced
// nothing, and each turn of a loop marks its own document.
//
// What an action writes (a value, include, toYaml, tpl, a template call)
// carries no markers of its own: define bodies and tpl text are not marked,
// as their output is a string other functions may work on (trunc, quote,
// sha256sum). It keeps the line and column of the action that called it.
// A template file included as a string by another ("checksum/config:
// {{ include (print $.Template.BasePath "/cm.yaml") . | sha256sum }}")
// brings its markers along: the hash functions below remove them first, so
// the checksum is Helm's; anywhere else they are removed from the output
// with the rest and the text keeps the calling action's position.

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/adler32"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/kubeward/kubeward/engine/load"
)

// Markers are delimited by ASCII record and unit separators, which YAML
// forbids in a document and charts have no reason to write.
const (
	markOpen  = "\x1e"
	markClose = "\x1f"
	markTag   = "kw"
)

// edit is text to insert into a template at pos, a byte offset of the text
// as written.
type edit struct {
	pos  int
	text string
}

// markEdits are the markers of the template's own text (root, the tree of
// the file itself, not its defines): one at the start of every literal line
// and one in front of every action that writes. file tells the template's
// markers apart from those of a template it includes.
func markEdits(text string, root *parse.ListNode, file int) []edit {
	if root == nil {
		return nil
	}
	lines := newLineIndex(text)
	var out []edit
	mark := func(kind byte, pos int) string {
		line, col := lines.at(text, pos)
		return markOpen + markTag + strconv.Itoa(file) + string(kind) + strconv.Itoa(line) + "." + strconv.Itoa(col) + markClose
	}
	action := func(pos int) {
		// The marker is written by an action of its own, opened by the
		// action's delimiter: a trim marker ({{-) keeps trimming the text
		// before it, and the marker sits after the trimmed space.
		d := strings.LastIndex(text[:min(pos, len(text))], "{{")
		if d < 0 {
			return
		}
		at := d + 2
		if strings.HasPrefix(text[at:], "- ") || strings.HasPrefix(text[at:], "-\t") || strings.HasPrefix(text[at:], "-\n") || strings.HasPrefix(text[at:], "-\r") {
			at++
		}
		out = append(out, edit{pos: at, text: " " + strconv.Quote(mark('A', d)) + " }}{{ "})
	}
	var walk func(l *parse.ListNode)
	walk = func(l *parse.ListNode) {
		if l == nil {
			return
		}
		for _, n := range l.Nodes {
			switch n := n.(type) {
			case *parse.TextNode:
				// Text begins after any space a trim marker removed and ends
				// before the space the next one removes: markers inside it
				// change no trimming.
				start := int(n.Pos)
				if start < 0 || start+len(n.Text) > len(text) || text[start:start+len(n.Text)] != string(n.Text) {
					continue // not where the parser says: leave it unmarked
				}
				for k := 0; k < len(n.Text); k++ {
					if k == 0 || n.Text[k-1] == '\n' {
						out = append(out, edit{pos: start + k, text: mark('T', start+k)})
					}
				}
			case *parse.ActionNode:
				if n.Pipe != nil && len(n.Pipe.Decl) > 0 {
					continue // an assignment writes nothing
				}
				action(int(n.Pos))
			case *parse.TemplateNode:
				action(int(n.Pos))
			case *parse.IfNode:
				walk(n.List)
				walk(n.ElseList)
			case *parse.RangeNode:
				walk(n.List)
				walk(n.ElseList)
			case *parse.WithNode:
				walk(n.List)
				walk(n.ElseList)
			}
		}
	}
	walk(root)
	return out
}

// lineIndex finds the line and column (in characters, both 1-based) of a
// byte offset.
type lineIndex []int // offsets where lines start

func newLineIndex(text string) lineIndex {
	idx := lineIndex{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (idx lineIndex) at(text string, pos int) (line, col int) {
	l := sort.Search(len(idx), func(i int) bool { return idx[i] > pos }) - 1
	return l + 1, utf8.RuneCountInString(text[idx[l]:pos]) + 1
}

// applyEdits inserts the edits (in order of position; at one position, in
// the order given).
func applyEdits(text string, edits []edit) string {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].pos < edits[j].pos })
	var b strings.Builder
	size := len(text)
	for _, e := range edits {
		size += len(e.text)
	}
	b.Grow(size)
	last := 0
	for _, e := range edits {
		if e.pos < last || e.pos > len(text) {
			continue
		}
		b.WriteString(text[last:e.pos])
		b.WriteString(e.text)
		last = e.pos
	}
	b.WriteString(text[last:])
	return b.String()
}

// segment is a run of output that one marker says the origin of.
type segment struct {
	off       int  // where it starts in the output without markers
	line, col int  // in the template
	literal   bool // the template's own text: positions advance with it
}

// origins maps positions of a template's output (markers removed) to the
// template.
type origins struct {
	text  string
	lines lineIndex
	segs  []segment
}

// unmark removes every marker from out and returns the text and, from the
// markers of file, where its runs come from.
func unmark(out string, file int) (string, *origins) {
	if !strings.Contains(out, markOpen+markTag) {
		return out, &origins{text: out}
	}
	own := markTag + strconv.Itoa(file)
	var b strings.Builder
	b.Grow(len(out))
	var segs []segment
	for {
		i := strings.Index(out, markOpen+markTag)
		if i < 0 {
			b.WriteString(out)
			break
		}
		j := strings.Index(out[i:], markClose)
		if j < 0 {
			b.WriteString(out)
			break
		}
		b.WriteString(out[:i])
		body := out[i+len(markOpen) : i+j]
		out = out[i+j+len(markClose):]
		rest, ok := strings.CutPrefix(body, own)
		if !ok || rest == "" || (rest[0] != 'T' && rest[0] != 'A') {
			continue // another template's, inside what an action wrote
		}
		l, c, ok := strings.Cut(rest[1:], ".")
		line, err1 := strconv.Atoi(l)
		col, err2 := strconv.Atoi(c)
		if !ok || err1 != nil || err2 != nil || line < 1 || col < 1 {
			continue // not one instrument wrote (a value may hold anything)
		}
		segs = append(segs, segment{off: b.Len(), line: line, col: col, literal: rest[0] == 'T'})
	}
	text := b.String()
	return text, &origins{text: text, lines: newLineIndex(text), segs: segs}
}

// marked reports whether the output carried markers of its template.
func (m *origins) marked() bool { return len(m.segs) > 0 }

// at is the template position of an output position: the same character of
// the template for literal text, the action for what an action wrote (line
// and column of its "{{"). The column is 0 when the output's is.
func (m *origins) at(p load.Position) load.Position {
	if p.Line < 1 || p.Line > len(m.lines) {
		return load.Position{}
	}
	start := m.lines[p.Line-1]
	end := len(m.text)
	if p.Line < len(m.lines) {
		end = m.lines[p.Line] - 1
	}
	off := start
	for c := 1; c < p.Column && off < end; c++ {
		_, size := utf8.DecodeRuneInString(m.text[off:])
		off += size
	}
	k := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].off > off }) - 1
	if k < 0 {
		return load.Position{}
	}
	s := m.segs[k]
	if !s.literal {
		if p.Column == 0 {
			return load.Position{Line: s.line}
		}
		return load.Position{Line: s.line, Column: s.col}
	}
	run := m.text[s.off:off]
	line, col := s.line, s.col
	if n := strings.Count(run, "\n"); n > 0 {
		line += n
		col = 1
		run = run[strings.LastIndexByte(run, '\n')+1:]
	}
	if p.Column == 0 {
		return load.Position{Line: line}
	}
	return load.Position{Line: line, Column: col + utf8.RuneCountInString(run)}
}

// line maps an output line alone (an error's).
func (m *origins) line(l int) int { return m.at(load.Position{Line: l}).Line }

// unmarkedLen is the length of s without markers: what the chart rendered.
func unmarkedLen(s string) int64 {
	n := int64(len(s))
	for {
		i := strings.Index(s, markOpen+markTag)
		if i < 0 {
			return n
		}
		j := strings.Index(s[i:], markClose)
		if j < 0 {
			return n
		}
		n -= int64(j + len(markClose))
		s = s[i+j+len(markClose):]
	}
}

// stripMarkers removes every marker from s.
func stripMarkers(s string) string {
	if !strings.Contains(s, markOpen) {
		return s
	}
	out, _ := unmark(s, -1)
	return out
}

// hashFuncs are sprig's hash functions over the text without markers, so
// that a checksum of an included template file is the one Helm computes.
func hashFuncs() template.FuncMap {
	return template.FuncMap{
		"sha256sum": func(s string) string {
			h := sha256.Sum256([]byte(stripMarkers(s)))
			return hex.EncodeToString(h[:])
		},
		"sha1sum": func(s string) string {
			h := sha1.Sum([]byte(stripMarkers(s)))
			return hex.EncodeToString(h[:])
		},
		"adler32sum": func(s string) string {
			return fmt.Sprintf("%d", adler32.Checksum([]byte(stripMarkers(s))))
		},
	}
}
