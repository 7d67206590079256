package engine_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
)

// TestNamespaceOf: the namespace the API server would give an object.
func TestNamespaceOf(t *testing.T) {
	cases := []struct {
		obj      load.Ref
		fallback string
		want     string
	}{
		{load.Ref{Kind: "Deployment", Name: "web"}, "", "default"},
		{load.Ref{Kind: "Deployment", Name: "web"}, "shop", "shop"},
		{load.Ref{Kind: "Deployment", Name: "web", Namespace: "team"}, "shop", "team"},
		{load.Ref{Kind: "ClusterRole", Name: "reader"}, "shop", ""},
		{load.Ref{Kind: "Namespace", Name: "shop", Namespace: "x"}, "shop", ""},
		{load.Ref{Kind: "KubeletConfiguration"}, "shop", ""},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, engine.NamespaceOf(c.obj, c.fallback), "%+v in %q", c.obj, c.fallback)
	}
}
