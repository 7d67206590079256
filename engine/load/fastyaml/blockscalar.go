package fastyaml

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// blockScalar reads a literal (|) or folded (>) scalar whose indicator is at
// offset off of the current line, with an optional chomping indicator and
// no explicit indentation. parent is the indent of the collection holding
// it: the content must be more indented.
func (p *parser) blockScalar(off, parent int) (*yaml.Node, bool) {
	if parent < 0 {
		return nil, false
	}
	s, l := p.src, p.lines[p.li]
	folded := s[off] == '>'
	i := off + 1
	chomp := byte(0)
	if i < l.end && (s[i] == '+' || s[i] == '-') {
		chomp = s[i]
		i++
	}
	if i < l.end && s[i] != ' ' || !p.endsLine(i) {
		return nil, false // an indentation indicator, or text after the header
	}
	n := p.at(p.node(yaml.ScalarNode, "!!str"), off)
	n.Style = yaml.LiteralStyle
	if folded {
		n.Style = yaml.FoldedStyle
	}

	// Leading blank lines, and the indent of the first line with text.
	li := p.li + 1
	breaks, widest := 0, 0
	for ; li < len(p.lines) && p.lines[li].blank; li++ {
		if !p.lines[li].brk {
			break // spaces at the end of the text: not a line
		}
		breaks++
		widest = max(widest, p.lines[li].indent)
	}
	if li == len(p.lines) || p.lines[li].blank || p.lines[li].indent <= parent {
		// No content: only the blank lines, kept by "+".
		if li < len(p.lines) && p.lines[li].blank {
			li++
		}
		if chomp == '+' {
			n.Value = strings.Repeat("\n", breaks)
		}
		p.li = li
		return n, p.endOfScalar(parent)
	}
	indent := p.lines[li].indent
	if widest > indent {
		return nil, false // a leading blank line wider than the text: yaml.v3 errs
	}

	var b strings.Builder
	leadingBreak := false // the break that ended the last line of text
	leadingBlank := false // that line started with a space (folded: kept as is)
	for li < len(p.lines) {
		l := p.lines[li]
		text := s[l.start+indent : l.end]
		trailingBlank := len(text) > 0 && text[0] == ' '
		if folded && leadingBreak && !leadingBlank && !trailingBlank {
			if breaks == 0 {
				b.WriteByte(' ')
			}
		} else if leadingBreak {
			b.WriteByte('\n')
		}
		for ; breaks > 0; breaks-- {
			b.WriteByte('\n')
		}
		leadingBlank = trailingBlank
		b.Write(text)
		leadingBreak = l.brk
		li++
		if !l.brk {
			break
		}
		// Lines of at most indent spaces are breaks; the first line with
		// text, or with more spaces, at indent or more goes on, and one
		// less indented ends the scalar.
		for ; li < len(p.lines); li++ {
			next := p.lines[li]
			if next.blank && next.end-next.start <= indent {
				if next.brk {
					breaks++
				}
				continue
			}
			break
		}
		if li == len(p.lines) || p.lines[li].indent < indent && !p.lines[li].blank {
			break
		}
	}
	if chomp != '-' && leadingBreak {
		b.WriteByte('\n')
	}
	if chomp == '+' {
		for ; breaks > 0; breaks-- {
			b.WriteByte('\n')
		}
	}
	n.Value = b.String()
	p.li = li
	return n, p.endOfScalar(parent)
}

// endOfScalar checks that the next line with content is not more indented
// than parent: that would be an error yaml.v3 must report.
func (p *parser) endOfScalar(parent int) bool {
	next, more := p.nextContent()
	return !more || next.indent <= parent
}
