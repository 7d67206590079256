package fastyaml

import "go.yaml.in/yaml/v3"

// plainTag is the tag yaml.v3 resolves the plain scalar n to. Most plain
// scalars are names and words; those are decided here by their first byte,
// as yaml.v3's resolver decides them, because that resolver boxes the value
// it returns: one allocation for every scalar of every manifest. Numbers,
// timestamps, floats and the empty value are left to yaml.v3.
func plainTag(n *yaml.Node) string {
	v := n.Value
	if v == "" {
		return resolved(n)
	}
	switch v[0] {
	case '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return resolved(n)
	case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~', '<':
		// The first bytes of yaml.v3's table of exact spellings; any other
		// word starting with one is a string.
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		case "<<":
			return "!!merge"
		}
	}
	return "!!str"
}

// resolved is yaml.v3's own resolution of the untagged scalar n.
func resolved(n *yaml.Node) string {
	n.Tag = ""
	return n.ShortTag()
}
