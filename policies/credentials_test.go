package policies_test

import (
	"context"
	"os"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"

	"github.com/kubeward/kubeward/engine/policy"
)

// TestCredentialPairs checks data.kubeward.lib.credentials.value_is_credential
// against a labelled set of name/value pairs from real charts and examples:
// no pair marked false may be a credential, every pair marked true must be.
func TestCredentialPairs(t *testing.T) {
	raw, err := os.ReadFile("../testdata/credentials/pairs.yaml")
	require.NoError(t, err)
	var set struct {
		Pairs []struct {
			Name       string `json:"name"`
			Value      string `json:"value"`
			Credential bool   `json:"credential"`
			Note       string `json:"note"`
		} `json:"pairs"`
	}
	require.NoError(t, yaml.UnmarshalStrict(raw, &set))

	var positives, negatives int
	for _, p := range set.Pairs {
		if p.Credential {
			positives++
		} else {
			negatives++
		}
	}
	require.GreaterOrEqual(t, positives, 30, "credentials in the pair set")
	require.GreaterOrEqual(t, negatives, 30, "non-credentials in the pair set")

	files, err := policy.BundledFiles(false)
	require.NoError(t, err)
	lib, err := policy.Load(policy.Options{NoBuiltin: true, Files: files})
	require.NoError(t, err)
	modules, err := lib.Modules()
	require.NoError(t, err)
	opts := []func(*rego.Rego){
		rego.Query("data.kubeward.lib.credentials.value_is_credential(input.name, input.value)"),
		rego.Store(inmem.NewFromObject(lib.Data)),
		rego.Capabilities(policy.Capabilities()),
		rego.StrictBuiltinErrors(true),
	}
	for name, m := range modules {
		opts = append(opts, rego.ParsedModule(m))
		_ = name
	}
	ctx := context.Background()
	query, err := rego.New(opts...).PrepareForEval(ctx)
	require.NoError(t, err)

	for _, p := range set.Pairs {
		rs, err := query.Eval(ctx, rego.EvalInput(map[string]any{"name": p.Name, "value": p.Value}))
		require.NoError(t, err, "%s=%q", p.Name, p.Value)
		got := len(rs) == 1 && rs[0].Expressions[0].Value == true
		if got != p.Credential {
			kind := "false positive"
			if p.Credential {
				kind = "false negative"
			}
			t.Errorf("%s: %s=%q (%s)", kind, p.Name, p.Value, p.Note)
		}
	}
}
