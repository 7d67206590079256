package evaluate

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Only a rule whose value cannot depend on the input, the data or a call is
// folded into the query: any body, default, else, argument or reference in
// its value keeps the reference.
func TestConstantEntryFoldsOnlyLiteralRules(t *testing.T) {
	modules := map[string]string{
		"empty.rego":   "package p.empty\ndeny := set()\n",
		"literal.rego": "package p.literal\ndeny := {\"x\", 1}\n",
		"body.rego":    "package p.body\ndeny := set() if input.kind\n",
		"partial.rego": "package p.partial\ndeny contains \"x\"\n",
		"ref.rego":     "package p.ref\ndeny := data.q\n",
		"call.rego":    "package p.call\ndeny := {x | x := input.y}\n",
		"else.rego":    "package p.els\ndeny := {1} if input.a\nelse := set()\n",
		"default.rego": "package p.def\ndefault deny := set()\n",
		"two.rego":     "package p.two\ndeny := set() if input.a\ndeny := set() if input.b\n",
	}
	parsed := map[string]*ast.Module{}
	for name, src := range modules {
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
		require.NoError(t, err)
		parsed[name] = m
	}
	c := ast.NewCompiler()
	c.Compile(parsed)
	require.False(t, c.Failed(), "%v", c.Errors)

	for ref, want := range map[string]string{
		"data.p.empty.deny":   "set()",
		"data.p.literal.deny": `{"x", 1}`,
	} {
		v, ok := constantEntry(c, ref)
		if assert.True(t, ok, ref) {
			assert.True(t, v.Equal(ast.MustParseTerm(want)), "%s: %v", ref, v)
		}
	}
	for _, ref := range []string{"data.p.body.deny", "data.p.partial.deny", "data.p.ref.deny", "data.p.call.deny",
		"data.p.els.deny", "data.p.def.deny", "data.p.two.deny", "data.p.missing.deny"} {
		_, ok := constantEntry(c, ref)
		assert.False(t, ok, ref)
	}
}
