package fastyaml

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// maxDepth bounds the nesting the fast path follows; deeper documents go to
// yaml.v3, which has its own limit and message.
const maxDepth = 200

// maxKey is below yaml.v3's 1024-character limit on implicit keys, so that a
// key near that limit is judged by yaml.v3.
const maxKey = 1000

// line is one line of the chunk: src[start:end] without its line break.
type line struct {
	start, end int
	indent     int  // leading spaces
	blank      bool // only spaces
	comment    bool // only a comment after the indent
	brk        bool // ends with "\n" (the last line of a chunk may not)
}

type parser struct {
	// src is the caller's chunk. Values are copied out of it: a value lives
	// as long as its object, and must not keep the file's buffer alive.
	src   []byte
	lines []line
	li    int // the line being parsed
	depth int
	slab  []yaml.Node
	ascii bool // no multi-byte character: a column is a byte offset

	colLine, colOff, colCount int // the last column counted, by at
}

// Parse returns the document node of text, one YAML document, as yaml.v3's
// Decoder would give it (without comments), or ok=false when text is outside
// the subset this package handles. It never fails otherwise.
func Parse(text []byte) (doc *yaml.Node, ok bool) {
	ascii, ok := plainText(text)
	if !ok {
		return nil, false
	}
	p := &parser{src: text, ascii: ascii, colLine: -1}
	if !p.splitLines() {
		return nil, false
	}
	return p.document()
}

// plainText reports (ok) text made only of characters the fast path handles: no
// tab, CR or other control character, no byte-order mark, no YAML line
// break besides "\n", and no rune outside the Basic Multilingual Plane.
func plainText(text []byte) (ascii, ok bool) {
	ascii = true
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if (b < 0x20 && b != '\n') || b == 0x7f {
				return false, false
			}
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == utf8.RuneError, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff,
			r >= 0xd800 && r < 0xe000, r > 0xfffd:
			return false, false
		}
		i += size
	}
	return ascii, true
}

func (p *parser) splitLines() bool {
	s := p.src
	p.lines = make([]line, 0, bytes.Count(s, []byte{'\n'})+1)
	for pos := 0; pos < len(s); {
		l := line{start: pos, end: len(s)}
		for i := pos; i < len(s); i++ {
			if s[i] == '\n' {
				l.end, l.brk = i, true
				break
			}
		}
		i := l.start
		for i < l.end && s[i] == ' ' {
			i++
		}
		l.indent = i - l.start
		l.blank = i == l.end
		l.comment = !l.blank && s[i] == '#'
		if l.end-l.start >= 3 && (string(s[l.start:l.start+3]) == "..." ||
			len(p.lines) > 0 && string(s[l.start:l.start+3]) == "---") {
			return false // a marker or a plain scalar that looks like one
		}
		p.lines = append(p.lines, l)
		pos = l.end + 1
	}
	return true
}

// document reads the chunk: an optional "---" line, then one node.
func (p *parser) document() (*yaml.Node, bool) {
	doc := p.node(yaml.DocumentNode, "")
	if len(p.lines) > 0 {
		first := p.lines[0]
		if first.indent == 0 && first.end-first.start >= 3 && string(p.src[first.start:first.start+3]) == "---" {
			if !p.endsLine(first.start + 3) {
				return nil, false // content after "---"
			}
			doc.Line, doc.Column = 1, 1
			p.li = 1
		}
	}
	l, ok := p.nextContent()
	if !ok {
		// Only comments: no document for yaml.v3, or an empty one after
		// "---". Such chunks are short, and their shape is yaml.v3's to say.
		return nil, false
	}
	if doc.Line == 0 {
		doc.Line, doc.Column = p.li+1, l.indent+1
	}
	root, ok := p.blockNode(l.start+l.indent, -1)
	if !ok {
		return nil, false
	}
	if _, more := p.nextContent(); more {
		return nil, false
	}
	doc.Content = []*yaml.Node{root}
	return doc, true
}

// node returns a new node: they are allocated in blocks, as a document has
// hundreds.
func (p *parser) node(kind yaml.Kind, tag string) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		// Blocks grow from about one node for two lines, so that a small
		// document does not pay for a large one's block.
		size := min(len(p.lines)/2+8, 256)
		if p.slab != nil {
			size = min(2*cap(p.slab), 1024)
		}
		p.slab = make([]yaml.Node, 0, size)
	}
	p.slab = p.slab[:len(p.slab)+1]
	n := &p.slab[len(p.slab)-1]
	n.Kind, n.Tag = kind, tag
	return n
}

// at places n at byte offset off of the current line; columns count
// characters, as yaml.v3's do.
func (p *parser) at(n *yaml.Node, off int) *yaml.Node {
	l := p.lines[p.li]
	n.Line = p.li + 1
	if p.ascii {
		n.Column = off - l.start + 1
		return n
	}
	// Counting on from the last node placed on the same line keeps a long
	// line of flow items linear.
	if p.colLine != p.li || p.colOff > off {
		p.colLine, p.colOff, p.colCount = p.li, l.start, 0
	}
	p.colCount += utf8.RuneCount(p.src[p.colOff:off])
	p.colOff = off
	n.Column = p.colCount + 1
	return n
}

// nextContent moves to the next line that is neither blank nor a comment.
func (p *parser) nextContent() (line, bool) {
	for ; p.li < len(p.lines); p.li++ {
		if l := p.lines[p.li]; !l.blank && !l.comment {
			return l, true
		}
	}
	return line{}, false
}

// endsLine reports whether only spaces and a comment follow offset i on the
// current line (i is just after a token, or after spaces that follow one).
func (p *parser) endsLine(i int) bool {
	end := p.lines[p.li].end
	j := skipSpaces(p.src, i, end)
	return j == end || (p.src[j] == '#' && j > i)
}

func skipSpaces(s []byte, i, end int) int {
	for i < end && s[i] == ' ' {
		i++
	}
	return i
}

// isEntry reports a block sequence entry ("-" then a space or the line's end)
// at offset i of the current line.
func (p *parser) isEntry(i int) bool {
	end := p.lines[p.li].end
	return i < end && p.src[i] == '-' && (i+1 == end || p.src[i+1] == ' ')
}

// blockNode parses the node that starts at offset off of the current line
// (its first character there). parent is the indent of the collection that
// holds it, -1 at the top.
func (p *parser) blockNode(off, parent int) (*yaml.Node, bool) {
	if p.depth++; p.depth > maxDepth {
		return nil, false
	}
	defer func() { p.depth-- }()
	l := p.lines[p.li]
	if p.isEntry(off) {
		return p.sequence(off - l.start)
	}
	if _, _, ok := p.key(off); ok {
		return p.mapping(off - l.start)
	}
	return p.inlineValue(off, parent)
}

// sequence parses a block sequence whose first "-" is at column ind of the
// current line.
func (p *parser) sequence(ind int) (*yaml.Node, bool) {
	l := p.lines[p.li]
	seq := p.at(p.node(yaml.SequenceNode, "!!seq"), l.start+ind)
	for {
		dash := l.start + ind
		item := skipSpaces(p.src, dash+1, l.end)
		var child *yaml.Node
		var ok bool
		if p.endsLine(dash + 1) {
			child, ok = p.valueBelow(dash+1, ind, false)
		} else {
			child, ok = p.blockNode(item, ind)
		}
		if !ok {
			return nil, false
		}
		seq.Content = append(seq.Content, child)
		next, more := p.nextContent()
		if !more || next.indent < ind {
			return seq, true
		}
		if next.indent > ind {
			return nil, false
		}
		if !p.isEntry(next.start + ind) {
			return seq, true // the next key of a mapping at this indent, or an error its parent finds
		}
		l = next
	}
}

// valueBelow parses the value of an entry or key whose line ends at offset
// mark (after its indicator): the node on the lines below, more indented
// than ind, or (for a key) a sequence at ind, or else an empty scalar.
func (p *parser) valueBelow(mark, ind int, key bool) (*yaml.Node, bool) {
	here := p.li
	p.li++
	next, more := p.nextContent()
	if more && next.indent > ind {
		return p.blockNode(next.start+next.indent, ind)
	}
	if more && key && next.indent == ind && p.isEntry(next.start+ind) {
		if p.depth++; p.depth > maxDepth {
			return nil, false
		}
		defer func() { p.depth-- }()
		return p.sequence(ind)
	}
	after := p.li
	p.li = here
	n := p.at(p.node(yaml.ScalarNode, "!!null"), mark)
	p.li = after
	return n, true
}

// mapping parses a block mapping whose first key is at column ind of the
// current line.
func (p *parser) mapping(ind int) (*yaml.Node, bool) {
	l := p.lines[p.li]
	m := p.at(p.node(yaml.MappingNode, "!!map"), l.start+ind)
	for {
		k, colon, ok := p.key(l.start + ind)
		if !ok {
			return nil, false
		}
		var v *yaml.Node
		if p.endsLine(colon + 1) {
			v, ok = p.valueBelow(colon+1, ind, true)
		} else {
			v, ok = p.inlineValue(skipSpaces(p.src, colon+1, l.end), ind)
		}
		if !ok {
			return nil, false
		}
		m.Content = append(m.Content, k, v)
		next, more := p.nextContent()
		if !more || next.indent < ind {
			return m, true
		}
		if next.indent > ind || p.isEntry(next.start+ind) {
			return nil, false
		}
		l = next
	}
}

// key reads the implicit key at offset off of the current line: a plain or
// quoted scalar followed by ":" and a space or the line's end. It returns the
// key's node and the offset of the ":".
func (p *parser) key(off int) (*yaml.Node, int, bool) {
	l := p.lines[p.li]
	s := p.src
	switch s[off] {
	case '"', '\'':
		n, end, ok := p.quoted(off, singleLine)
		if !ok {
			return nil, 0, false
		}
		if end < l.end && s[end] == ':' && (end+1 == l.end || s[end+1] == ' ') && end-off <= maxKey {
			return n, end, true
		}
		return nil, 0, false
	}
	if !plainStart(s, off, l.end) {
		return nil, 0, false
	}
	for i := off; i < l.end; i++ {
		switch s[i] {
		case ':':
			if i+1 == l.end || s[i+1] == ' ' {
				if i-off > maxKey {
					return nil, 0, false
				}
				return p.plain(off, trimRight(s, off, i)), i, true
			}
		case '#':
			if s[i-1] == ' ' {
				return nil, 0, false
			}
		}
	}
	return nil, 0, false
}

// inlineValue parses the scalar or flow collection that starts at offset off
// of the current line and is all that is left on it (a block scalar goes on
// below). parent is the indent of the collection holding the value: the next
// content line must not be more indented, or it would continue the scalar.
func (p *parser) inlineValue(off, parent int) (*yaml.Node, bool) {
	l := p.lines[p.li]
	s := p.src
	var n *yaml.Node
	switch s[off] {
	case '"', '\'':
		var end int
		var ok bool
		if n, end, ok = p.quoted(off, parent); !ok || !p.endsLine(end) {
			return nil, false
		}
	case '[', '{':
		var end int
		var ok bool
		if n, end, ok = p.flow(off); !ok || !p.endsLine(end) {
			return nil, false
		}
	case '|', '>':
		return p.blockScalar(off, parent)
	default:
		if !plainStart(s, off, l.end) {
			return nil, false
		}
		i, ok := plainEnd(s, off, l.end)
		if !ok {
			return nil, false // a mapping where a scalar must be
		}
		n = p.plain(off, trimRight(s, off, i))
		if i == l.end && !p.continuation(n, parent) {
			return nil, false
		}
	}
	p.li++
	if next, more := p.nextContent(); more && next.indent > parent {
		return nil, false
	}
	return n, true
}

// plainEnd returns where the plain scalar that starts at offset off of a
// line ending at end stops: at a comment or the line's end (before spaces).
// ok is false for ": " or a final ":", where it would be a key.
func plainEnd(s []byte, off, end int) (int, bool) {
	for i := off; i < end; i++ {
		if c := s[i]; c == ':' && (i+1 == end || s[i+1] == ' ') {
			return 0, false
		} else if c == '#' && i > off && s[i-1] == ' ' {
			return i, true
		}
	}
	return end, true
}

// continuation adds to plain scalar n the lines that continue it: those
// more indented than parent, up to a comment or a less indented line. A
// line break folds into a space, and n blank lines into n line breaks.
// It declines a continued line that starts with "- ", "? " or ": ", or holds
// a comment or ": ".
func (p *parser) continuation(n *yaml.Node, parent int) bool {
	s := p.src
	var b strings.Builder
	li := p.li + 1
	for {
		breaks := 0
		for li < len(p.lines) && p.lines[li].blank {
			breaks++
			li++
		}
		if li == len(p.lines) {
			break
		}
		l := p.lines[li]
		if l.comment || l.indent <= parent {
			break
		}
		start := l.start + l.indent
		if c := s[start]; (c == '-' || c == '?' || c == ':') && (start+1 == l.end || s[start+1] == ' ') {
			return false // other indicators are text here, but these read as structure
		}
		end, ok := plainEnd(s, start, l.end)
		if !ok || end < l.end {
			return false
		}
		if b.Len() == 0 {
			b.WriteString(n.Value)
		}
		if breaks == 0 {
			b.WriteByte(' ')
		}
		for ; breaks > 0; breaks-- {
			b.WriteByte('\n')
		}
		b.Write(s[start:trimRight(s, start, end)])
		p.li = li
		li++
	}
	if b.Len() > 0 {
		n.Value = b.String()
		n.Tag = plainTag(n) // again: yaml.v3 resolves the whole value
	}
	return true
}

// plain returns the plain scalar src[off:end] of the current line, tagged as
// yaml.v3 resolves it.
func (p *parser) plain(off, end int) *yaml.Node {
	n := p.at(p.node(yaml.ScalarNode, ""), off)
	n.Value = string(p.src[off:end])
	n.Tag = plainTag(n)
	return n
}

// plainStart reports whether a plain scalar may start at offset i (block
// context): not at an indicator, except "-", "?" and ":" before a non-space.
func plainStart(s []byte, i, end int) bool {
	switch s[i] {
	case '-', '?', ':':
		return i+1 < end && s[i+1] != ' '
	case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return false
	}
	return true
}

func trimRight(s []byte, start, end int) int {
	for end > start && s[end-1] == ' ' {
		end--
	}
	return end
}
