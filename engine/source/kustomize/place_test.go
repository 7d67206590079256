package kustomize

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubeward/kubeward/engine/load"
)

// TestRenderPlacesFieldsByStructure renders the staging overlay of the
// positions suite and checks where fields are placed through the public
// Position of each object: the object's own file carries no File, a patch
// or a generator's kustomization does.
func TestRenderPlacesFieldsByStructure(t *testing.T) {
	suite := filepath.Join("..", "..", "..", "testdata", "positions", "kustomize")
	objs, errs := Source{}.Render(context.Background(), filepath.Join(suite, "overlays", "staging"), load.Limits{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	byKind := map[string]*load.Object{}
	for _, o := range objs {
		byKind[o.Kind] = o
	}
	staging := filepath.Join(suite, "overlays", "staging", "kustomization.yaml")
	containers := []any{"spec", "template", "spec", "containers"}
	at := func(p ...any) []any { return append(append([]any(nil), containers...), p...) }
	for _, c := range []struct {
		kind string
		path []any
		want load.Position
	}{
		{"Deployment", nil, load.Position{Line: 1, Column: 1}},
		// keys in human order: exact, not the parent's line
		{"Deployment", []any{"spec", "template", "spec", "hostNetwork"}, load.Position{Line: 17, Column: 7}},
		{"Deployment", []any{"spec", "template", "spec", "initContainers", 0, "image"}, load.Position{Line: 20, Column: 11}},
		// the component's JSON 6902 patch: at the path's last segment
		{"Deployment", []any{"spec", "template", "spec", "hostPID"}, load.Position{Line: 2, Column: 29,
			File: filepath.Join(suite, "components", "debug", "host-pid.yaml")}},
		// the inline JSON 6902 patch that replaced the first container's image
		{"Deployment", at(0, "image"), load.Position{Line: 15, Column: 48, File: staging}},
		{"Deployment", at(0, "securityContext", "privileged"), load.Position{Line: 11, Column: 13,
			File: filepath.Join(suite, "overlays", "staging", "privileged.yaml")}},
		// absent: the nearest parent, in the file that wrote it
		{"Deployment", at(1, "livenessProbe"), load.Position{Line: 30, Column: 11}},
		{"Service", []any{"automountServiceAccountToken"}, load.Position{Line: 1, Column: 1}},
		// set by the overlay's namespace transformer
		{"Service", []any{"metadata", "namespace"}, load.Position{Line: 3, Column: 1, File: staging}},
		{"ConfigMap", nil, load.Position{Line: 18, Column: 5}},
		{"ConfigMap", []any{"data", "MODE"}, load.Position{Line: 21, Column: 9}},
		{"ConfigMap", []any{"metadata", "name"}, load.Position{Line: 18, Column: 5}},
		{"Secret", []any{"data", "password"}, load.Position{Line: 26, Column: 9}},
		{"Secret", []any{"type"}, load.Position{Line: 24, Column: 5}},
	} {
		o := byKind[c.kind]
		if o == nil {
			t.Fatalf("no %s built", c.kind)
		}
		got := o.Position(c.path)
		if c.path == nil {
			got = o.Start()
		}
		if got != c.want {
			t.Errorf("%s %s: %+v, want %+v", c.kind, load.FormatPath(c.path), got, c.want)
		}
	}
	if f := byKind["ConfigMap"].Source.File; !strings.HasSuffix(f, filepath.Join("staging", "kustomization.yaml")) {
		t.Errorf("generated ConfigMap's file = %s", f)
	}
}
