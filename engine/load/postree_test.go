package load

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	yaml "go.yaml.in/yaml/v3"
)

// treePosition is how positions were resolved when objects kept their parse
// tree: the reference that the compact positions must match exactly.
func treePosition(n *yaml.Node, path []any) Position {
	at := n
	for _, step := range path {
		n = resolveAlias(n)
		next, pos := treeChild(n, step)
		if next == nil {
			break
		}
		n, at = next, pos
	}
	return Position{Line: at.Line, Column: at.Column}
}

func treeChild(n *yaml.Node, step any) (*yaml.Node, *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		key, ok := step.(string)
		if !ok {
			return nil, nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1], n.Content[i]
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if isMerge(n.Content[i]) {
				for _, m := range mergeSources(n.Content[i+1]) {
					if v, k := treeChild(m, step); v != nil {
						return v, k
					}
				}
			}
		}
	case yaml.SequenceNode:
		i, ok := PathIndex(step)
		if ok && i >= 0 && i < len(n.Content) {
			return n.Content[i], n.Content[i]
		}
	}
	return nil, nil
}

// fieldPaths lists the path of every field of v, and below each a field that
// is not there, and a few odd steps.
func fieldPaths(v ast.Value, prefix []any, out *[][]any, limit int) {
	if len(*out) >= limit {
		return
	}
	here := append([]any(nil), prefix...)
	*out = append(*out, here, append(append([]any(nil), here...), "absent"), append(append([]any(nil), here...), 7), append(append([]any(nil), here...), "0"), append(append([]any(nil), here...), "<<"))
	switch x := v.(type) {
	case ast.Object:
		var keys []string
		x.Foreach(func(k, _ *ast.Term) {
			if s, ok := k.Value.(ast.String); ok {
				keys = append(keys, string(s))
			}
		})
		sort.Strings(keys)
		for _, k := range keys {
			fieldPaths(x.Get(ast.StringTerm(k)).Value, append(here, k), out, limit)
		}
	case *ast.Array:
		for i := 0; i < x.Len(); i++ {
			fieldPaths(x.Elem(i).Value, append(here, i), out, limit)
		}
	}
}

// samePositions checks every field of the objects of a one-document text
// against the tree resolver.
func samePositions(t *testing.T, text []byte, objs []*Object) {
	t.Helper()
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(text))
	for {
		root = yaml.Node{}
		if err := dec.Decode(&root); err != nil {
			return
		}
		if !isEmptyDocument(&root) {
			break
		}
	}
	top := resolveAlias(root.Content[0])
	starts := []*yaml.Node{top}
	if len(objs) > 0 && objs[0].Source.Item >= 0 {
		starts = nil
		items := itemsNode(top)
		for _, o := range objs {
			if o.Source.Item >= len(items) {
				return // an items key written as an alias
			}
			starts = append(starts, items[o.Source.Item])
		}
	}
	if len(starts) != len(objs) {
		return
	}
	for i, o := range objs {
		assert.Equal(t, Position{Line: starts[i].Line, Column: starts[i].Column}, o.Start(), "start of object %d", i)
		var paths [][]any
		fieldPaths(o.Value, nil, &paths, 2000)
		for _, p := range paths {
			if !assert.Equal(t, treePosition(starts[i], p), o.Position(p), "object %d, path %v", i, p) {
				return
			}
		}
	}
}

func TestPositionsMatchTheParseTree(t *testing.T) {
	for name, text := range map[string]string{
		"plain": deployment,
		"merge": `x-base: &base {image: nginx, securityContext: {privileged: true}}
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: app
          <<: *base
          image: own
        - *base
`,
		"merge list and nested merges": `a: &a {x: 1, y: {p: 1}}
b: &b
  <<: *a
  x: 2
  z: 3
c: &c {w: [1, 2], x: 9, z: 8, y: 0}
apiVersion: v1
kind: ConfigMap
metadata:
  name: m
  <<: [*b, *c, {v: inline}]
  labels: &l {k: v}
data:
  <<: [*c]
  "<<": quoted
  other: *l
  <<: *a
`,
		"aliases": `apiVersion: v1
kind: Pod
metadata: {name: &n p, labels: &ls {a: *n}}
spec:
  containers: &cs
    - name: a
      env: &env [{name: x, value: y}]
    - name: b
      env: *env
  initContainers: *cs
  x: [*ls, *ls, [*env]]
`,
		"list with aliases": `apiVersion: v1
kind: List
base: &item
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: a}
  data: {k: v}
items:
  - *item
  - <<: *item
    metadata: {name: b}
  - apiVersion: v1
    kind: Secret
    metadata: {name: c}
`,
		"json": `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
 "spec": {"containers": [{"name": "a", "ports": [{"containerPort": 80}]}]}}`,
	} {
		t.Run(name, func(t *testing.T) {
			objs, errs := Parse("x.yaml", []byte(text), DefaultLimits())
			require.Empty(t, errs)
			require.NotEmpty(t, objs)
			samePositions(t, []byte(text), objs)
		})
	}
}

// A field reached through a merge key is where the merged mapping writes it;
// an item that is an alias is where the alias is.
func TestPositionsThroughMergesAndAliases(t *testing.T) {
	text := "base: &b {image: nginx}\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    <<: *b\n  - *b\n"
	objs, errs := Parse("pod.yaml", []byte(text), DefaultLimits())
	require.Empty(t, errs)
	o := objs[0]
	assert.Equal(t, Position{Line: 1, Column: 11}, o.Position([]any{"spec", "containers", 0, "image"}))
	assert.Equal(t, Position{Line: 9, Column: 5}, o.Position([]any{"spec", "containers", 1}))
	assert.Equal(t, Position{Line: 1, Column: 11}, o.Position([]any{"spec", "containers", "1", "image"}))
	assert.Equal(t, Position{Line: 9, Column: 5}, o.Position([]any{"spec", "containers", 1, "missing"}))
}

func TestPositionsOfManyDocuments(t *testing.T) {
	var b bytes.Buffer
	for i := range 50 {
		b.WriteString("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: m" + strconv.Itoa(i) + "}\ndata: {a: b}\n")
	}
	objs, errs := Parse("many.yaml", b.Bytes(), DefaultLimits())
	require.Empty(t, errs)
	require.Len(t, objs, 50)
	assert.Equal(t, Position{Line: 5*49 + 5, Column: 8}, objs[49].Position([]any{"data", "a"}))
}

// Aliases expand in the value, not in the positions: a mapping or list that
// many aliases refer to is recorded once.
func TestAliasedNodesAreRecordedOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fan}\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 4; i++ {
		b.WriteString("a" + strconv.Itoa(i) + ": &a" + strconv.Itoa(i) + " [" + strings.Repeat("*a"+strconv.Itoa(i-1)+", ", 9) + "*a" + strconv.Itoa(i-1) + "]\n")
	}
	objs, errs := Parse("fan.yaml", []byte(b.String()), DefaultLimits())
	require.Empty(t, errs)
	o := objs[0]
	assert.Less(t, len(o.pos.entries), 100) // 10^5 values after expansion
	assert.Equal(t, Position{Line: 4, Column: 13}, o.Position([]any{"a4", 9, 9, 9, 9, 1}))
	assert.Equal(t, Position{Line: 5, Column: 15}, o.Position([]any{"a4", 9, 9, 9, 1}))
	samePositions(t, []byte(b.String()), objs)
}
