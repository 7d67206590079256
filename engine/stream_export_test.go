package engine

import (
	"context"
	"testing"

	"github.com/kubeward/kubeward/engine/internal/inventory"
	"github.com/kubeward/kubeward/engine/load"
)

// LoadProjected loads files keeping every object as a projection, as a run
// past Options.StreamAfter does.
func LoadProjected(t *testing.T, files ...string) []*load.Object {
	t.Helper()
	res := load.Load(context.Background(), files, load.Options{Loaded: func(_ int, objs []*load.Object) []*load.Object {
		for i, o := range objs {
			objs[i] = inventory.Project(o)
		}
		return objs
	}})
	if len(res.Errors) > 0 {
		t.Fatalf("loading %v: %v", files, res.Errors)
	}
	return res.Objects
}

// CrossRuleIDs are the ids of l's active rules that read other objects, with
// their kinds.
func CrossRuleIDs(t testing.TB, l *Linter) map[string][]string {
	parts, err := l.wholeLibrary()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for r := range crossRules(parts[0].compiler, parts[0].rules) {
		out[r.ID] = r.Kinds
	}
	return out
}
