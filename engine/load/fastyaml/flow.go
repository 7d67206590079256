package fastyaml

import "go.yaml.in/yaml/v3"

// flow reads a flow sequence or mapping that starts at offset off of the
// current line and closes on it. Its items are plain scalars without ":",
// quoted scalars or flow collections; a key is followed by ": ". It returns
// the node and the offset after the closing bracket.
func (p *parser) flow(off int) (*yaml.Node, int, bool) {
	if p.depth++; p.depth > maxDepth {
		return nil, 0, false
	}
	defer func() { p.depth-- }()
	s, end := p.src, p.lines[p.li].end
	isMap := s[off] == '{'
	closer := byte(']')
	n := p.at(p.node(yaml.SequenceNode, "!!seq"), off)
	if isMap {
		closer = '}'
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
	}
	n.Style = yaml.FlowStyle
	i := skipSpaces(s, off+1, end)
	if i < end && s[i] == closer {
		return n, i + 1, true
	}
	for {
		item, next, ok := p.flowItem(i)
		if !ok {
			return nil, 0, false
		}
		n.Content = append(n.Content, item)
		i = next
		if isMap {
			if i+1 >= end || s[i] != ':' || s[i+1] != ' ' || item.Kind != yaml.ScalarNode {
				return nil, 0, false
			}
			if item, i, ok = p.flowItem(skipSpaces(s, i+1, end)); !ok {
				return nil, 0, false
			}
			n.Content = append(n.Content, item)
		}
		i = skipSpaces(s, i, end)
		switch {
		case i < end && s[i] == closer:
			return n, i + 1, true
		case i < end && s[i] == ',':
			i = skipSpaces(s, i+1, end)
			if i == end || s[i] == closer {
				return nil, 0, false // an empty entry
			}
		default:
			return nil, 0, false
		}
	}
}

// flowItem reads one scalar or collection inside a flow collection at offset
// i; it returns the offset after it (before any spaces for a plain scalar).
func (p *parser) flowItem(i int) (*yaml.Node, int, bool) {
	s, end := p.src, p.lines[p.li].end
	if i == end {
		return nil, 0, false
	}
	switch s[i] {
	case '[', '{':
		return p.flow(i)
	case '"', '\'':
		return p.quoted(i, singleLine)
	case '-':
		if i+1 == end || !flowPlainByte(s[i+1]) {
			return nil, 0, false
		}
	default:
		if !flowPlainByte(s[i]) {
			return nil, 0, false
		}
	}
	j := i + 1
	for j < end && (flowPlainByte(s[j]) || s[j] == ' ' && j+1 < end && s[j+1] != '#') {
		j++
	}
	j = trimRight(s, i, j)
	return p.plain(i, j), j, true
}

// flowPlainByte: the characters a plain scalar in a flow collection may have
// here. Indicators, ":" and "#" are left to yaml.v3, whose rules for them
// in flow context are subtle.
func flowPlainByte(c byte) bool {
	switch c {
	case ',', '[', ']', '{', '}', ':', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '?', '-', ' ':
		return c == '-'
	}
	return true
}
