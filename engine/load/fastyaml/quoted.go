package fastyaml

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// singleLine, as quoted's parent, keeps a quoted scalar to one line (a key,
// or inside a flow collection).
const singleLine = -2

// quoted reads the single- or double-quoted scalar that starts at offset off
// of the current line. Unless parent is singleLine it may go on to lines
// more indented than parent; the current line is then its last one. It
// returns the node and the offset after the closing quote.
func (p *parser) quoted(off, parent int) (*yaml.Node, int, bool) {
	n := p.at(p.node(yaml.ScalarNode, "!!str"), off)
	q := quoteScan{p: p, parent: parent, from: off + 1}
	var end int
	var ok bool
	if p.src[off] == '"' {
		n.Style = yaml.DoubleQuotedStyle
		end, ok = q.double()
	} else {
		n.Style = yaml.SingleQuotedStyle
		end, ok = q.single()
	}
	if !ok {
		return nil, 0, false
	}
	if q.b == nil {
		n.Value = string(p.src[off+1 : end-1])
	} else {
		q.b.Write(p.src[q.from : end-1])
		n.Value = q.b.String()
	}
	return n, end, true
}

// quoteScan is the state of reading a quoted scalar: the text is copied to b
// only once something in it is not taken as written.
type quoteScan struct {
	p      *parser
	parent int
	b      *strings.Builder
	from   int // start of the text not yet copied to b
}

func (q *quoteScan) flush(to int) {
	if q.b == nil {
		q.b = &strings.Builder{}
	}
	q.b.Write(q.p.src[q.from:to])
}

// fold moves to the next line of the scalar, as the line ends at offset
// lineEnd: trailing spaces go, a line break becomes a space and blank lines
// become line breaks (escaped: the break is dropped and no blank line may
// follow). It returns the offset where the text goes on.
func (q *quoteScan) fold(lineEnd int, escaped bool) (int, bool) {
	p := q.p
	if q.parent == singleLine {
		return 0, false
	}
	if escaped {
		q.flush(lineEnd - 1)
	} else {
		q.flush(trimRight(p.src, q.from, lineEnd))
	}
	breaks := 0
	for p.li++; p.li < len(p.lines) && p.lines[p.li].blank; p.li++ {
		breaks++
	}
	if p.li == len(p.lines) || p.lines[p.li].indent <= q.parent || escaped && breaks > 0 {
		return 0, false
	}
	switch {
	case escaped:
	case breaks == 0:
		q.b.WriteByte(' ')
	default:
		q.b.WriteString(strings.Repeat("\n", breaks))
	}
	l := p.lines[p.li]
	q.from = l.start + l.indent
	return q.from, true
}

// single: ” stands for a quote; nothing else is special.
func (q *quoteScan) single() (int, bool) {
	s := q.p.src
	for i := q.from; ; i++ {
		if end := q.p.lines[q.p.li].end; i == end {
			var ok bool
			if i, ok = q.fold(end, false); !ok {
				return 0, false
			}
			i--
			continue
		}
		if s[i] != '\'' {
			continue
		}
		if i+1 < q.p.lines[q.p.li].end && s[i+1] == '\'' {
			q.flush(i + 1)
			i++
			q.from = i + 1
			continue
		}
		return i + 1, true
	}
}

// double handles the escapes YAML defines.
func (q *quoteScan) double() (int, bool) {
	s := q.p.src
	for i := q.from; ; i++ {
		end := q.p.lines[q.p.li].end
		if i == end {
			var ok bool
			if i, ok = q.fold(end, false); !ok {
				return 0, false
			}
			i--
			continue
		}
		switch s[i] {
		case '"':
			return i + 1, true
		case '\\':
			if i+1 == end {
				var ok bool
				if i, ok = q.fold(end, true); !ok {
					return 0, false
				}
				i--
				continue
			}
			q.flush(i)
			i++
			if r, ok := simpleEscape(s[i]); ok {
				q.b.WriteRune(r)
				q.from = i + 1
				continue
			}
			digits := 0
			switch s[i] {
			case 'x':
				digits = 2
			case 'u':
				digits = 4
			case 'U':
				digits = 8
			}
			if digits == 0 || i+digits >= end {
				return 0, false
			}
			r, ok := hexRune(s[i+1 : i+1+digits])
			if !ok {
				return 0, false
			}
			q.b.WriteRune(r)
			i += digits
			q.from = i + 1
		}
	}
}

func simpleEscape(c byte) (rune, bool) {
	switch c {
	case '0':
		return 0, true
	case 'a':
		return '\a', true
	case 'b':
		return '\b', true
	case 't':
		return '\t', true
	case 'n':
		return '\n', true
	case 'v':
		return '\v', true
	case 'f':
		return '\f', true
	case 'r':
		return '\r', true
	case 'e':
		return 0x1b, true
	case ' ', '"', '\'', '\\':
		return rune(c), true
	case 'N':
		return 0x85, true
	case '_':
		return 0xa0, true
	case 'L':
		return 0x2028, true
	case 'P':
		return 0x2029, true
	}
	return 0, false
}

// hexRune decodes the digits of a \x, \u or \U escape; surrogates and values
// past Unicode are yaml.v3 errors, so they are declined.
func hexRune(h []byte) (rune, bool) {
	var r rune
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	if !utf8.ValidRune(r) {
		return 0, false
	}
	return r, true
}
