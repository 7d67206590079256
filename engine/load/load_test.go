package load

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
`

func parse(t *testing.T, name, text string) ([]*Object, []Error) {
	t.Helper()
	return Parse(name, []byte(text), DefaultLimits())
}

func TestPositionOfContainerField(t *testing.T) {
	objs, errs := parse(t, "deploy.yaml", deployment)
	require.Empty(t, errs)
	require.Len(t, objs, 1)
	o := objs[0]
	assert.Equal(t, Ref{APIVersion: "apps/v1", Kind: "Deployment", Namespace: "shop", Name: "web"}, o.Ref())
	path := []any{"spec", "template", "spec", "containers", 0, "securityContext", "privileged"}
	assert.Equal(t, Position{Line: 13, Column: 13}, o.Position(path))
	// An absent field resolves to its longest existing prefix.
	absent := []any{"spec", "template", "spec", "containers", 0, "securityContext", "runAsNonRoot"}
	assert.Equal(t, Position{Line: 12, Column: 11}, o.Position(absent))
	assert.Equal(t, Position{Line: 10, Column: 11}, o.Position([]any{"spec", "template", "spec", "containers", 0}))
	assert.Equal(t, Position{Line: 1, Column: 1}, o.Start())
	assert.Equal(t, "spec.template.spec.containers[0].securityContext.privileged", FormatPath(path))
}

func TestPositionsInLaterDocumentsAndLists(t *testing.T) {
	text := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n# comment\n" + deployment
	objs, errs := parse(t, "multi.yaml", text)
	require.Empty(t, errs)
	require.Len(t, objs, 2)
	assert.Equal(t, 1, objs[1].Source.Document)
	assert.Equal(t, Position{Line: 18, Column: 13}, objs[1].Position([]any{"spec", "template", "spec", "containers", 0, "securityContext", "privileged"}))
}

func TestFormatPathQuotesKeys(t *testing.T) {
	assert.Equal(t, `metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]`,
		FormatPath([]any{"metadata", "annotations", "container.apparmor.security.beta.kubernetes.io/app"}))
	assert.Equal(t, "spec.volumes[2].hostPath", FormatPath([]any{"spec", "volumes", 2, "hostPath"}))
}

func TestHelmSourceBecomesTemplate(t *testing.T) {
	text := "---\n# Source: mychart/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n" +
		"---\n# Source: mychart/templates/deployment.yaml\n" + deployment
	objs, errs := parse(t, StdinName, text)
	require.Empty(t, errs)
	require.Len(t, objs, 2)
	assert.Equal(t, "mychart/templates/service.yaml", objs[0].Source.Template)
	assert.Equal(t, "mychart/templates/deployment.yaml", objs[1].Source.Template)
	assert.Equal(t, 9, objs[1].Start().Line)
}

func TestEmptyDocumentsAreSkipped(t *testing.T) {
	text := "---\n---\n# Source: chart/templates/empty.yaml\n---\n" + deployment + "---\n"
	objs, errs := parse(t, "helm.yaml", text)
	require.Empty(t, errs)
	require.Len(t, objs, 1)
}

func TestListsAreExpanded(t *testing.T) {
	text := `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
  - apiVersion: v1
    kind: Secret
    metadata: {name: b}
`
	objs, errs := parse(t, "list.yaml", text)
	require.Empty(t, errs)
	require.Len(t, objs, 2)
	assert.Equal(t, "Secret", objs[1].Kind)
	assert.Equal(t, 1, objs[1].Source.Item)
	assert.Equal(t, Position{Line: 9, Column: 16}, objs[1].Position([]any{"metadata", "name"}))
}

func TestTypedListItemsTakeTheListKind(t *testing.T) {
	text := `{"apiVersion": "apps/v1", "kind": "DeploymentList", "items": [{"metadata": {"name": "a"}, "spec": {}}]}`
	objs, errs := parse(t, "list.json", text)
	require.Empty(t, errs)
	require.Len(t, objs, 1)
	assert.Equal(t, "Deployment", objs[0].Kind)
	assert.Equal(t, "apps/v1", objs[0].APIVersion)
}

func TestJSONKeepsPositions(t *testing.T) {
	text := "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"p\"},\n  \"spec\": {\n    \"hostPID\": true\n  }\n}\n"
	objs, errs := parse(t, "pod.json", text)
	require.Empty(t, errs)
	assert.Equal(t, Position{Line: 6, Column: 5}, objs[0].Position([]any{"spec", "hostPID"}))
}

func TestLiveClusterNoiseIsDropped(t *testing.T) {
	text := `apiVersion: v1
kind: Pod
metadata:
  name: p
  uid: "1234"
  resourceVersion: "99"
  creationTimestamp: "2026-01-01T00:00:00Z"
  managedFields: [{manager: kubectl}]
  labels: {app: p}
spec: {}
status: {phase: Running}
`
	objs, errs := parse(t, "pod.yaml", text)
	require.Empty(t, errs)
	v := objs[0].Value.(ast.Object)
	assert.Nil(t, v.Get(ast.StringTerm("status")))
	meta := v.Get(ast.StringTerm("metadata")).Value.(ast.Object)
	assert.ElementsMatch(t, []string{"name", "labels"}, keys(meta))
	assert.Equal(t, "1234", objs[0].UID)
}

func TestControllerOwnerIsKept(t *testing.T) {
	text := `apiVersion: v1
kind: Pod
metadata:
  name: web-abc
  ownerReferences:
    - {apiVersion: apps/v1, kind: ReplicaSet, name: web-123, uid: u1}
    - {apiVersion: apps/v1, kind: ReplicaSet, name: web-456, uid: u2, controller: true}
`
	objs, errs := parse(t, "pod.yaml", text)
	require.Empty(t, errs)
	assert.Equal(t, &OwnerRef{APIVersion: "apps/v1", Kind: "ReplicaSet", Name: "web-456", UID: "u2"}, objs[0].Controller)
}

func TestScalarTypes(t *testing.T) {
	text := `apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data:
  int: 42
  big: 123456789012345678901234567890
  float: 1.5
  inf: .inf
  bool: true
  null: ~
  date: 2026-01-01
  octal: 0o17
  str: "x"
`
	objs, errs := parse(t, "c.yaml", text)
	require.Empty(t, errs)
	data := objs[0].Value.(ast.Object).Get(ast.StringTerm("data")).Value.(ast.Object)
	get := func(k string) string { return data.Get(ast.StringTerm(k)).String() }
	assert.Equal(t, "42", get("int"))
	assert.Equal(t, "123456789012345678901234567890", get("big"))
	assert.Equal(t, "1.5", get("float"))
	assert.Equal(t, `".inf"`, get("inf"))
	assert.Equal(t, "true", get("bool"))
	assert.Equal(t, "null", get("null"))
	assert.Equal(t, `"2026-01-01"`, get("date"))
	assert.Equal(t, "15", get("octal"))
	assert.Equal(t, `"x"`, get("str"))
}

func TestMergeKeys(t *testing.T) {
	text := `apiVersion: v1
kind: ConfigMap
metadata: {name: c}
base: &base {a: "1", b: "2"}
data:
  <<: *base
  b: "3"
`
	objs, errs := parse(t, "c.yaml", text)
	require.Empty(t, errs)
	data := objs[0].Value.(ast.Object).Get(ast.StringTerm("data")).Value.(ast.Object)
	assert.Equal(t, `"1"`, data.Get(ast.StringTerm("a")).String())
	assert.Equal(t, `"3"`, data.Get(ast.StringTerm("b")).String())
}

// Bad input: each case is a clear error naming the file (and line where
// there is one), and the other documents of the file are still read.
func TestBadInput(t *testing.T) {
	good := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n"
	cases := []struct {
		name, text string
		line       int
		message    string
	}{
		// Reported at the line of the "[" that is never closed.
		{"malformed.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n", 4, "invalid YAML: did not find expected ',' or ']'"},
		{"indent.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n - oops\n", 5, "invalid YAML: did not find expected key"},
		{"tabs.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n", 4, "invalid YAML"},
		{"dup.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {}\nspec: {}\n", 5, `duplicate key "spec" (first at line 8)`},
		// More keys than duplicateKey compares pair by pair; the later
		// duplicate is not the one reported.
		{"dupmany.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n" + manyKeys(20) + "  k3: x\n  k4: y\n", 25, `duplicate key "k3" (first at line 12)`},
		{"dupmerge.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nb: &b {x: 1}\ndata: {<<: *b, x: 2, <<: *b, x: 3}\n", 5, `duplicate key "x"`},
		{"scalar.yaml", "just a string\n", 1, "document is a scalar"},
		{"list.yaml", "- a\n- b\n", 1, "document is a list"},
		{"nokind.yaml", "foo: bar\n", 1, "no apiVersion and kind: not a Kubernetes object"},
		{"kindtype.yaml", "apiVersion: v1\nkind: [Pod]\n", 1, "kind must be a string, found a list"},
		{"kindnum.yaml", "apiVersion: v1\nkind: 3\n", 1, "kind must be a string, found a number (3)"},
		{"noapi.yaml", "kind: Pod\n", 1, "document has no apiVersion"},
		{"meta.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [a]\n", 1, "metadata must be a mapping"},
		{"name.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: 5}\n", 1, "metadata.name must be a string"},
		{"alias.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: *nope}\n", 3, "unknown anchor"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			objs, errs := parse(t, c.name, good+"---\n"+c.text+"---\n"+good)
			require.Len(t, errs, 1, "errors: %v", errs)
			assert.Equal(t, c.name, errs[0].File)
			assert.Contains(t, errs[0].Message, c.message)
			assert.Equal(t, c.line+4, errs[0].Line, "line of %q", errs[0].Message)
			assert.Len(t, objs, 2, "the good documents around the bad one are still read")
		})
	}
}

func TestBinaryFile(t *testing.T) {
	_, errs := Parse("image.yaml", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), DefaultLimits())
	require.Len(t, errs, 1)
	assert.Equal(t, Error{File: "image.yaml", Message: "binary file (it contains NUL bytes); expected YAML or JSON"}, errs[0])
}

func TestNonUTF8(t *testing.T) {
	text := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n"
	objs, errs := Parse("latin1.yaml", []byte(text), DefaultLimits())
	require.Len(t, errs, 1)
	assert.Equal(t, 7, errs[0].Line)
	assert.Contains(t, errs[0].Message, "not UTF-8")
	assert.Len(t, objs, 1)
}

func TestEmptyFile(t *testing.T) {
	for _, text := range []string{"", "\n\n", "# only a comment\n", "---\n---\n"} {
		objs, errs := Parse("empty.yaml", []byte(text), DefaultLimits())
		assert.Empty(t, objs)
		require.Len(t, errs, 1, "%q", text)
		assert.Contains(t, errs[0].Message, "empty.yaml"[:0]+"no YAML or JSON document")
	}
}

func TestAliasBombIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	objs, errs := Parse("bomb.yaml", []byte(b.String()), DefaultLimits())
	assert.Empty(t, objs)
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Message, "more than 2000000 values after expanding aliases")
	assert.Positive(t, errs[0].Line)
}

func TestDeepNestingIsBounded(t *testing.T) {
	text := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"
	objs, errs := Parse("deep.yaml", []byte(text), DefaultLimits())
	assert.Empty(t, objs)
	require.Len(t, errs, 1)
	assert.Equal(t, "deep.yaml", errs[0].File)
	assert.Positive(t, errs[0].Line)
	// The YAML parser or our converter stops it, whichever comes first.
	assert.Regexp(t, "deeper than 256 levels|exceeded max depth", errs[0].Message)

	block := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n"
	for i := 0; i < 300; i++ {
		block += strings.Repeat(" ", i+1) + "k:\n"
	}
	_, errs = Parse("deep2.yaml", []byte(block), DefaultLimits())
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Message, "document nests deeper than 256 levels (limit --max-depth)")
}

func TestFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(50<<20)) // a 50 MB file, sparse
	require.NoError(t, f.Close())
	good := filepath.Join(dir, "good.yaml")
	require.NoError(t, os.WriteFile(good, []byte(deployment), 0o644))
	res := Load(context.Background(), []string{dir}, Options{})
	require.Len(t, res.Errors, 1)
	assert.Equal(t, Error{File: big, Message: "file is 50.0 MiB, larger than the 32.0 MiB limit (--max-file-size)"}, res.Errors[0])
	assert.Len(t, res.Objects, 1)

	res = Load(context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(make([]byte, 2048)), Limits: Limits{MaxFileSize: 1024}})
	require.Len(t, res.Errors, 1)
	assert.Equal(t, StdinName, res.Errors[0].File)
	assert.Contains(t, res.Errors[0].Message, "larger than the 1.0 KiB limit")
}

func TestLoadWalksFoldersInOrder(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	cm := func(name string) string { return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\n" }
	write("b.yaml", cm("b"))
	write("a/z.yml", cm("az"))
	write("c.json", `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}`)
	write("notes.txt", "not read")
	write(".git/x.yaml", cm("hidden"))
	res := Load(context.Background(), []string{dir, filepath.Join(dir, "missing.yaml"), "-"},
		Options{Stdin: strings.NewReader(cm("stdin")), Workers: 3})
	var names []string
	for _, o := range res.Objects {
		names = append(names, o.Name)
	}
	assert.Equal(t, []string{"az", "b", "c", "stdin"}, names)
	require.Len(t, res.Errors, 1)
	assert.Equal(t, Error{File: filepath.Join(dir, "missing.yaml"), Message: "no such file or directory"}, res.Errors[0])
	assert.Equal(t, 4, res.Files)
	assert.Equal(t, StdinName, res.Objects[3].Source.File)
}

func keys(o ast.Object) []string {
	var out []string
	o.Foreach(func(k, _ *ast.Term) { out = append(out, string(k.Value.(ast.String))) })
	return out
}

func itoa(i int) string { return string(rune('0' + i)) }

// A folder given through a symbolic link is walked like the folder, and its
// files are named under the link as given.
func TestLoadFollowsALinkedFolder(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	require.NoError(t, os.MkdirAll(real, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(real, "cm.yaml"), []byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: linked}\n"), 0o644))
	link := filepath.Join(dir, "link")
	require.NoError(t, os.Symlink(real, link))
	res := Load(context.Background(), []string{link}, Options{})
	require.Empty(t, res.Errors)
	require.Len(t, res.Objects, 1)
	assert.Equal(t, filepath.Join(link, "cm.yaml"), res.Objects[0].Source.File)
}

// A merge key that refers to a mapping containing it would merge the mapping
// into itself for ever (found by FuzzParse): it is an error at its line.
func TestSelfReferencingMergeKey(t *testing.T) {
	for _, text := range []string{
		"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: &k\n  <<: *k\n",
		"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: &k\n  a: {b: &j {<<: *k}}\n",
		"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: &k\n  <<: [*k]\n",
	} {
		objs, errs := Parse("m.yaml", []byte(text), DefaultLimits())
		assert.Empty(t, objs)
		require.Len(t, errs, 1, text)
		assert.Contains(t, errs[0].Message, "merge key (<<) refers to a mapping that contains it")
		assert.Equal(t, 5, errs[0].Line, text)
	}
}

// manyKeys is a mapping body of n keys k0, k1, ... at an indent of two.
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  k%d: v\n", i)
	}
	return b.String()
}
