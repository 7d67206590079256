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
	// open are the anchored mappings being converted: a merge key that refers
	// to one of them would merge a mapping into itself, for ever.
	open map[*yaml.Node]bool
	// pairs are the keys and values of the mappings being converted.
	pairs [][2]*ast.Term
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
	t, err := c.term(n, depth, nil)
	if err != nil {
		return nil, err
	}
	return t.Value, nil
}

// term converts n. A scalar's value goes into slot, which the caller
// allocates with its siblings' (one allocation per mapping or sequence, not
// one per value), except for null, booleans and small integers: OPA's
// interned terms (sharedScalar). A nil slot is allocated here. A container
// gets a term of its own: a term kept of the object (a projection keeps
// metadata.name, drops spec; withoutNoise drops status) keeps the terms
// allocated with it, and those are then only scalars.
func (c *converter) term(n *yaml.Node, depth int, slot *ast.Term) (*ast.Term, error) {
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
		return c.term(n.Alias, depth+1, slot)
	case yaml.MappingNode:
		v, err := c.mapping(n, depth)
		if err != nil {
			return nil, err
		}
		return ast.NewTerm(v), nil
	case yaml.SequenceNode:
		c.containers++
		slots := newSlots(n.Content, 1)
		terms := make([]*ast.Term, len(n.Content))
		for i, item := range n.Content {
			t, err := c.term(item, depth+1, slots.next())
			if err != nil {
				return nil, err
			}
			slots.used(t)
			terms[i] = t
		}
		return ast.NewTerm(ast.NewArray(terms...)), nil
	case yaml.ScalarNode:
		if slot == nil {
			slot = &ast.Term{}
		}
		return scalarTerm(n, slot)
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return ast.InternedNullTerm, nil
		}
		return c.term(n.Content[0], depth, slot)
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
	// Only an anchored mapping can be reached again through a merge key.
	if n.Anchor != "" {
		if c.open == nil {
			c.open = map[*yaml.Node]bool{}
		}
		c.open[n] = true
		defer delete(c.open, n)
	}
	c.containers++
	pairs := len(n.Content) / 2
	dup := duplicateKey(n)
	slots := newSlots(n.Content, 2)
	// The pairs go on the converter's stack, above those of the mappings
	// that contain this one, so that the object is made at its exact size.
	start := len(c.pairs)
	var merges []*yaml.Node
	for i := 0; i < pairs; i++ {
		k, v := n.Content[2*i], n.Content[2*i+1]
		if isMerge(k) {
			merges = append(merges, v)
			continue
		}
		key, err := keyString(k)
		if err != nil {
			return nil, err
		}
		if i == dup {
			return nil, errorAt(k, "duplicate key %q (first at line %d)", key, firstKeyLine(n, key)+c.lineOffset)
		}
		val, err := c.term(v, depth+1, slots.next())
		if err != nil {
			return nil, err
		}
		slots.used(val)
		c.pairs = append(c.pairs, [2]*ast.Term{keyTerm(key), val})
	}
	obj := ast.NewObject(c.pairs[start:]...)
	clear(c.pairs[start:])
	c.pairs = c.pairs[:start]
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

// duplicateKey is the index of the first pair of mapping n whose key repeats
// an earlier one (merge keys and keys that are no scalar aside), or -1.
func duplicateKey(n *yaml.Node) int {
	pairs := len(n.Content) / 2
	key := func(i int) (string, bool) {
		k := n.Content[2*i]
		if isMerge(k) {
			return "", false
		}
		r := resolveAlias(k)
		if r == nil || r.Kind != yaml.ScalarNode {
			return "", false
		}
		return r.Value, true
	}
	if pairs <= 16 {
		var keys [16]string
		var ok [16]bool
		for i := 0; i < pairs; i++ {
			keys[i], ok[i] = key(i)
			if !ok[i] {
				continue
			}
			for j := 0; j < i; j++ {
				if ok[j] && keys[j] == keys[i] {
					return i
				}
			}
		}
		return -1
	}
	seen := make(map[string]struct{}, pairs)
	for i := 0; i < pairs; i++ {
		k, ok := key(i)
		if !ok {
			continue
		}
		if _, ok := seen[k]; ok {
			return i
		}
		seen[k] = struct{}{}
	}
	return -1
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

// slots are the terms of a container's scalar values, allocated together:
// as many as it has scalars that are not shared terms, so that none is left
// unused for as long as the object lives.
type slots struct {
	terms []ast.Term
	n     int
}

// newSlots counts the values of content, every stride-th node from the
// stride-1-th (2 for a mapping's values, 1 for a sequence's items).
func newSlots(content []*yaml.Node, stride int) slots {
	need := 0
	for i := stride - 1; i < len(content); i += stride {
		if stride == 2 && isMerge(content[i-1]) {
			continue
		}
		if n := resolveAlias(content[i]); n != nil && n.Kind == yaml.ScalarNode && sharedScalar(n) == nil {
			need++
		}
	}
	return slots{terms: make([]ast.Term, need)}
}

// next is the slot for the next value; nil (term allocates one) if the count
// was short.
func (s *slots) next() *ast.Term {
	if s.n < len(s.terms) {
		return &s.terms[s.n]
	}
	return nil
}

// used moves on when t took the slot next gave.
func (s *slots) used(t *ast.Term) {
	if s.n < len(s.terms) && t == &s.terms[s.n] {
		s.n++
	}
}

// sharedScalar is OPA's interned term for scalar n when there is one: null,
// booleans and small integers.
func sharedScalar(n *yaml.Node) *ast.Term {
	switch n.ShortTag() {
	case "!!null":
		return ast.InternedNullTerm
	case "!!bool":
		// The spellings YAML 1.2's core schema resolves, without a decoder.
		switch n.Value {
		case "true", "True", "TRUE":
			return ast.InternedTerm(true)
		case "false", "False", "FALSE":
			return ast.InternedTerm(false)
		}
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil && ast.HasInternedIntNumberTerm(int(i)) {
			return ast.InternedTerm(int(i))
		}
	}
	return nil
}

// scalarTerm is the term of scalar n: a shared one (sharedScalar), else
// slot holding its value.
func scalarTerm(n *yaml.Node, slot *ast.Term) (*ast.Term, error) {
	if t := sharedScalar(n); t != nil {
		return t, nil
	}
	v, err := scalar(n)
	if err != nil {
		return nil, err
	}
	slot.Value = v
	return slot, nil
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
