package fastyaml

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// quoted reads the single- or double-quoted scalar that starts at offset off
// of the current line and ends on it. It returns the node and the offset
// after the closing quote.
func (p *parser) quoted(off int) (*yaml.Node, int, bool) {
	var value string
	var end int
	var ok bool
	style := yaml.SingleQuotedStyle
	if p.src[off] == '"' {
		style = yaml.DoubleQuotedStyle
		value, end, ok = p.doubleQuoted(off)
	} else {
		value, end, ok = p.singleQuoted(off)
	}
	if !ok {
		return nil, 0, false
	}
	n := p.at(p.node(yaml.ScalarNode, "!!str"), off)
	n.Value, n.Style = value, style
	return n, end, true
}

// singleQuoted: ” stands for a quote; nothing else is special.
func (p *parser) singleQuoted(off int) (string, int, bool) {
	s, end := p.src, p.lines[p.li].end
	var b *strings.Builder
	from := off + 1
	for i := off + 1; i < end; i++ {
		if s[i] != '\'' {
			continue
		}
		if i+1 < end && s[i+1] == '\'' {
			if b == nil {
				b = &strings.Builder{}
			}
			b.WriteString(s[from : i+1])
			i++
			from = i + 1
			continue
		}
		if b == nil {
			return s[off+1 : i], i + 1, true
		}
		b.WriteString(s[from:i])
		return b.String(), i + 1, true
	}
	return "", 0, false // it goes on to the next line
}

// doubleQuoted handles the escapes YAML defines except a line break after
// "\" (the scalar would go on to the next line).
func (p *parser) doubleQuoted(off int) (string, int, bool) {
	s, end := p.src, p.lines[p.li].end
	var b *strings.Builder
	from := off + 1
	for i := off + 1; i < end; i++ {
		switch s[i] {
		case '"':
			if b == nil {
				return s[off+1 : i], i + 1, true
			}
			b.WriteString(s[from:i])
			return b.String(), i + 1, true
		case '\\':
			if i+1 == end {
				return "", 0, false
			}
			if b == nil {
				b = &strings.Builder{}
			}
			b.WriteString(s[from:i])
			i++
			if r, ok := simpleEscape(s[i]); ok {
				b.WriteRune(r)
				from = i + 1
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
				return "", 0, false
			}
			r, ok := hexRune(s[i+1 : i+1+digits])
			if !ok {
				return "", 0, false
			}
			b.WriteRune(r)
			i += digits
			from = i + 1
		}
	}
	return "", 0, false
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
	case ' ', '"', '/', '\\':
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
func hexRune(h string) (rune, bool) {
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
