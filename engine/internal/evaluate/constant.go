package evaluate

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// constantEntry is the value of the entry rule at ref when it is one rule
// with no body and a literal value (the schema rules' `deny := set()`, whose
// findings the engine adds itself). Such a rule finds the same on every
// object, but as a reference in the query it costs what a real rule's
// lookup costs (the rule tree, its index, the virtual cache), on every
// object of every kind: the query holds the value instead.
func constantEntry(c *ast.Compiler, ref string) (*ast.Term, bool) {
	r, err := ast.ParseRef(ref)
	if err != nil {
		return nil, false
	}
	rules := c.GetRulesExact(r)
	if len(rules) != 1 {
		return nil, false
	}
	rule := rules[0]
	if rule.Default || rule.Else != nil || len(rule.Head.Args) > 0 || rule.Head.Key != nil || rule.Head.Value == nil {
		return nil, false
	}
	if !alwaysTrue(rule.Body) || !ast.IsConstant(rule.Head.Value.Value) {
		return nil, false
	}
	return rule.Head.Value, true
}

// alwaysTrue holds for the body OPA gives a rule written without one.
func alwaysTrue(body ast.Body) bool {
	if len(body) != 1 {
		return false
	}
	e := body[0]
	if e.Negated || len(e.With) > 0 {
		return false
	}
	t, ok := e.Terms.(*ast.Term)
	return ok && t.Value.Compare(ast.Boolean(true)) == 0
}
