package load

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	yaml "go.yaml.in/yaml/v3"
)

// converter builds Rego values straight from the YAML parse tree: no round
// trip through JSON or interface{} maps, and the limits are enforced while the
// value grows, so an alias bomb stops long before it takes memory.
type converter struct {
	limits Limits
	nodes  int
	// before is what the file's earlier documents expanded to: --max-nodes
	// bounds a file, or a file of many documents each just under it would
	// take what the limit is there to refuse.
	before     int
	containers int // mappings and sequences converted: a size hint for positions
	lineOffset int // lines before the document, for line numbers in messages
	// open are the mappings being converted: a merge key that refers to one
	// of them would merge a mapping into itself, for ever.
	open map[*yaml.Node]bool
}

// nodeError is a problem at a place in the document.
type nodeError struct {
	line, column int
	msg          string
}

func (e *nodeError) Error() string { return e.msg }

func errorAt(n *yaml.Node, format string, args ...any) *nodeError {
	return &nodeError{line: n.Line, column: n.Column, msg: fmt.Sprintf(format, args...)}
}

func (c *converter) value(n *yaml.Node, depth int) (ast.Value, error) {
	if depth > c.limits.MaxDepth {
		return nil, errorAt(n, "document nests deeper than %d levels (limit --max-depth)", c.limits.MaxDepth)
	}
	c.nodes++
	if c.before+c.nodes > c.limits.MaxNodes {
		if c.before > 0 {
			return nil, errorAt(n, "file has more than %d values in its documents after expanding aliases (limit --max-nodes, counted per file); the rest of the file is not read", c.limits.MaxNodes)
		}
		return nil, errorAt(n, "document has more than %d values after expanding aliases (limit --max-nodes, counted per file); the rest of the file is not read", c.limits.MaxNodes)
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, errorAt(n, "unknown alias %q", n.Value)
		}
		return c.value(n.Alias, depth+1)
	case yaml.MappingNode:
		return c.mapping(n, depth)
	case yaml.SequenceNode:
		c.containers++
		terms := make([]*ast.Term, 0, len(n.Content))
		for _, item := range n.Content {
			v, err := c.value(item, depth+1)
			if err != nil {
				return nil, err
			}
			terms = append(terms, ast.NewTerm(v))
		}
		return ast.NewArray(terms...), nil
	case yaml.ScalarNode:
		return scalar(n)
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return ast.Null{}, nil
		}
		return c.value(n.Content[0], depth)
	}
	return nil, errorAt(n, "unsupported YAML node")
}

// keyTerms interns mapping keys across documents and files: objects repeat the
// same few hundred field names, and each key term costs 48 bytes a copy,
// a fifth of a loaded object. Bounded, for long-lived processes and for
// inputs whose keys are data (ConfigMap keys, CRD schemas).
var (
	keyTerms     sync.Map // string -> *ast.Term
	keyTermCount atomic.Int64
)

const (
	maxKeyTerms   = 1 << 16
	maxKeyTermLen = 64
)

// keyTerm returns the term for a mapping key. Terms are shared between
// objects: nothing changes a value once loaded.
func keyTerm(key string) *ast.Term {
	if t, ok := keyTerms.Load(key); ok {
		return t.(*ast.Term)
	}
	if len(key) > maxKeyTermLen || keyTermCount.Load() >= maxKeyTerms {
		return ast.StringTerm(key)
	}
	key = strings.Clone(key)
	t, loaded := keyTerms.LoadOrStore(key, ast.StringTerm(key))
	if !loaded {
		keyTermCount.Add(1)
	}
	return t.(*ast.Term)
}

// firstKeyLine is the line of the first key of mapping n equal to key.
func firstKeyLine(n *yaml.Node, key string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, err := keyString(n.Content[i]); err == nil && k == key {
			return n.Content[i].Line
		}
	}
	return 0
}

func (c *converter) mapping(n *yaml.Node, depth int) (ast.Value, error) {
	if depth > c.limits.MaxDepth {
		return nil, errorAt(n, "document nests deeper than %d levels (limit --max-depth)", c.limits.MaxDepth)
	}
	if c.open == nil {
		c.open = map[*yaml.Node]bool{}
	}
	c.open[n] = true
	defer delete(c.open, n)
	c.containers++
	obj := ast.NewObject()
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if isMerge(k) {
			merges = append(merges, v)
			continue
		}
		key, err := keyString(k)
		if err != nil {
			return nil, err
		}
		kt := keyTerm(key)
		if obj.Get(kt) != nil {
			return nil, errorAt(k, "duplicate key %q (first at line %d)", key, firstKeyLine(n, key)+c.lineOffset)
		}
		val, err := c.value(v, depth+1)
		if err != nil {
			return nil, err
		}
		obj.Insert(kt, ast.NewTerm(val))
	}
	// YAML merge keys: explicit keys win over merged ones, earlier merges over later.
	for _, m := range merges {
		for _, src := range mergeSources(m) {
			if src == nil || src.Kind != yaml.MappingNode {
				return nil, errorAt(m, "merge key (<<) must refer to a mapping")
			}
			if c.open[src] {
				return nil, errorAt(m, "merge key (<<) refers to a mapping that contains it")
			}
			merged, err := c.mapping(src, depth+1)
			if err != nil {
				return nil, err
			}
			if err := merged.(ast.Object).Iter(func(k, v *ast.Term) error {
				if obj.Get(k) == nil {
					obj.Insert(k, v)
				}
				return nil
			}); err != nil {
				return nil, err
			}
		}
	}
	return obj, nil
}

func isMerge(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && (k.Tag == "!!merge" || k.Tag == "")
}

func mergeSources(v *yaml.Node) []*yaml.Node {
	v = resolveAlias(v)
	if v == nil {
		return nil
	}
	if v.Kind == yaml.SequenceNode {
		out := make([]*yaml.Node, 0, len(v.Content))
		for _, s := range v.Content {
			out = append(out, resolveAlias(s))
		}
		return out
	}
	return []*yaml.Node{v}
}

func keyString(k *yaml.Node) (string, error) {
	r := resolveAlias(k)
	if r == nil || r.Kind != yaml.ScalarNode {
		return "", errorAt(k, "mapping key is not a scalar")
	}
	// Kubernetes' YAML reader turns every key into its string form.
	return r.Value, nil
}

func scalar(n *yaml.Node) (ast.Value, error) {
	switch n.ShortTag() {
	case "!!null":
		return ast.Null{}, nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return nil, errorAt(n, "invalid boolean %q", n.Value)
		}
		return ast.Boolean(b), nil
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			return ast.Number(strconv.FormatInt(i, 10)), nil
		}
		var i int64
		if err := n.Decode(&i); err == nil {
			return ast.Number(strconv.FormatInt(i, 10)), nil
		}
		var u uint64
		if err := n.Decode(&u); err == nil {
			return ast.Number(strconv.FormatUint(u, 10)), nil
		}
		// Beyond 64 bits: keep the digits, Rego numbers are arbitrary precision.
		if s := strings.TrimPrefix(n.Value, "+"); isDigits(strings.TrimPrefix(s, "-")) {
			return ast.Number(s), nil
		}
		return ast.String(n.Value), nil
	case "!!float":
		// An integer too large for 64 bits resolves as a float; keep its digits.
		if s := strings.TrimPrefix(n.Value, "+"); isDigits(strings.TrimPrefix(s, "-")) {
			return ast.Number(s), nil
		}
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			if err := n.Decode(&f); err != nil {
				return ast.String(n.Value), nil
			}
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			// JSON (and so the API server) has no such numbers.
			return ast.String(n.Value), nil
		}
		return ast.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
	}
	// !!str, !!timestamp, !!binary and custom tags keep their text, as the API
	// server's YAML-to-JSON conversion does.
	return ast.String(n.Value), nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}
