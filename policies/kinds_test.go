package policies_test

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/policies"
)

// evalPods evaluates query against lib/pods.rego with the data a library
// loaded from dataFiles holds, as a run would see it.
func evalPods(t *testing.T, dataFiles []policy.File, query string) any {
	t.Helper()
	lib, err := policy.Load(policy.Options{NoBuiltin: true, Files: dataFiles})
	require.NoError(t, err)
	src, err := policies.FS.ReadFile("lib/pods.rego")
	require.NoError(t, err)
	rs, err := rego.New(
		rego.Query(query),
		rego.Module("lib/pods.rego", string(src)),
		rego.Store(inmem.NewFromObject(lib.Data)),
	).Eval(context.Background())
	require.NoError(t, err)
	require.Len(t, rs, 1, query)
	return rs[0].Expressions[0].Value
}

func bundledKindsFile(t *testing.T) policy.File {
	t.Helper()
	b, err := policies.FS.ReadFile("kinds.yaml")
	require.NoError(t, err)
	return policy.File{Name: "policies/kinds.yaml", Content: b, Bundled: true}
}

// The Rego helpers and the Go table answer alike for every pod kind: both
// read policies/kinds.yaml.
func TestRegoAndGoReadOneKindTable(t *testing.T) {
	files := []policy.File{bundledKindsFile(t)}
	kinds := evalPods(t, files, "data.kubeward.lib.pods.pod_kinds")
	var got []string
	for _, k := range kinds.([]any) {
		got = append(got, k.(string))
	}
	require.ElementsMatch(t, policies.Kinds.PodKinds(), got)
	for _, kind := range policies.Kinds.PodKinds() {
		want, ok := policies.Kinds.TemplatePath(kind)
		require.True(t, ok)
		spec := evalPods(t, files, `data.kubeward.lib.pods.spec_path_of({"kind": "`+kind+`"})`)
		require.Equal(t, toAny(append(want, "spec")), spec, kind)
	}
	require.True(t, policies.Kinds.IsClusterScoped("ClusterRole"))
	require.False(t, policies.Kinds.IsClusterScoped("Role"))
}

// A kind added to the table reaches the Go lookups and the Rego helpers
// alike, with nothing else changed.
func TestAKindAddedToTheTableReachesGoAndRego(t *testing.T) {
	base := bundledKindsFile(t)
	fixture := strings.Replace(string(base.Content), "    podTemplates:\n",
		"    podTemplates:\n      WidgetSet: [spec, widget, template]\n", 1)
	require.NotEqual(t, string(base.Content), fixture)

	table, err := policies.ParseKinds([]byte(fixture))
	require.NoError(t, err)
	path, ok := table.TemplatePath("WidgetSet")
	require.True(t, ok)
	require.Equal(t, []string{"spec", "widget", "template"}, path)
	require.Contains(t, table.PodKinds(), "WidgetSet")
	_, ok = policies.Kinds.TemplatePath("WidgetSet")
	require.False(t, ok, "the fixture must not change the bundled table")

	files := []policy.File{{Name: "policies/kinds.yaml", Content: []byte(fixture), Bundled: true}}
	require.Equal(t, true, evalPods(t, files, `"WidgetSet" in data.kubeward.lib.pods.pod_kinds`))
	require.Equal(t, toAny([]string{"spec", "widget", "template", "spec"}),
		evalPods(t, files, `data.kubeward.lib.pods.spec_path_of({"kind": "WidgetSet"})`))
	require.Equal(t, toAny([]string{"spec", "widget", "template", "metadata"}),
		evalPods(t, files, `data.kubeward.lib.pods.meta_path_of({"kind": "WidgetSet"})`))
	require.Equal(t, "w", evalPods(t, files,
		`data.kubeward.lib.pods.spec_of({"kind": "WidgetSet", "spec": {"widget": {"template": {"spec": {"hostname": "w"}}}}}).hostname`))
}

func TestParseKindsRefusesABrokenTable(t *testing.T) {
	for name, doc := range map[string]string{
		"no pod kinds":   "kubeward:\n  kinds:\n    clusterScoped: [Node]\n",
		"twice":          "kubeward:\n  kinds:\n    podTemplates:\n      Pod: []\n      Pod: [spec]\n",
		"path not list":  "kubeward:\n  kinds:\n    podTemplates:\n      Pod: spec\n",
		"unknown field":  "kubeward:\n  kinds:\n    podTemplates:\n      Pod: []\n    namespaced: [Pod]\n",
		"not a document": "[",
	} {
		_, err := policies.ParseKinds([]byte(doc))
		require.Error(t, err, name)
		require.Contains(t, err.Error(), "kind table", name)
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
