package load

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParse: any bytes give objects and errors, never a panic, and every
// error names the file; the objects of a one-document input resolve every
// field where the parse tree does.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		deployment,
		"apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n",
		`{"apiVersion": "apps/v1", "kind": "DeploymentList", "items": [{"metadata": {"name": "a"}}]}`,
		"---\n# Source: c/templates/a.yaml\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n",
		"a: &a [x, *a]\n", "- 1\n- 2\n", "kind: [\n", "\x00\x01", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nx: 1\nx: 2\n",
		"base: &b {a: 1}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  <<: *b\n",
		"a: &a {x: 1}\nb: &b {<<: *a, y: 2}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, <<: [*b, *a]}\ndata: {l: [*a, *b], <<: *b}\n",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		name := "fuzz.yaml"
		if asJSON {
			name = "fuzz.json"
		}
		limits := Limits{MaxFileSize: 1 << 20, MaxDepth: 64, MaxNodes: 10000}
		objs, errs := Parse(name, data, limits)
		for _, e := range errs {
			if e.File != name || e.Message == "" {
				t.Fatalf("error without file or message: %+v", e)
			}
		}
		if first := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")); asJSON || len(splitDocuments(first)) == 1 {
			var later bool
			for _, o := range objs {
				later = later || o.Source.Document > 0
			}
			if !later {
				samePositions(t, first, objs)
			}
		}
		for _, o := range objs {
			if o.Kind == "" || o.APIVersion == "" || o.Value == nil {
				t.Fatalf("object without kind, apiVersion or value: %+v", o)
			}
			o.Position([]any{"metadata", "name"})
			o.Position([]any{"spec", 0, "x", -1, 1 << 40})
		}
	})
}

// FuzzPosition: any path resolves to a position inside the document, or to
// the object's start when nothing of it exists.
func FuzzPosition(f *testing.F) {
	f.Add("spec.template.spec.containers.0.securityContext.privileged")
	f.Add("metadata.annotations.a/b")
	f.Add("spec.-1")
	f.Add("")
	objs, errs := Parse("deploy.yaml", []byte(deployment), DefaultLimits())
	if len(errs) > 0 || len(objs) != 1 {
		f.Fatal("seed object does not parse")
	}
	o := objs[0]
	lines := strings.Count(deployment, "\n")
	f.Fuzz(func(t *testing.T, dotted string) {
		var path []any
		for _, step := range strings.Split(dotted, ".") {
			if i, ok := PathIndex(step); ok {
				path = append(path, i)
			} else {
				path = append(path, step)
			}
		}
		p := o.Position(path)
		if p.Line < 1 || p.Line > lines || p.Column < 1 {
			t.Fatalf("path %v resolved outside the document: %+v", path, p)
		}
		_ = FormatPath(path)
	})
}
