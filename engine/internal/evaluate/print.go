package evaluate

import (
	"github.com/open-policy-agent/opa/v1/topdown/print"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
)

// PrintLine is the output of one print() call of a rule.
type PrintLine struct {
	// Rule is the id of the rule whose file made the call, or the file
	// itself for a helper module shared by several rules.
	Rule string
	// Object is the object being evaluated.
	Object load.Ref
	// File and Line are where the print() call is.
	File string
	Line int
	// Message is what print() wrote.
	Message string
}

// printHook hands the print() calls made while evaluating o to sink.
// The kind's rules are evaluated in one query: the call's file says which
// rule made it.
func (e *Evaluator) printHook(o *load.Object, sink func(PrintLine)) print.Hook {
	return printFunc(func(ctx print.Context, msg string) error {
		line := PrintLine{Object: o.Ref(), Message: msg}
		if ctx.Location != nil {
			line.File, line.Line = ctx.Location.File, ctx.Location.Row
			line.Rule = ruleAt(e.Rules, line.File, line.Line)
		}
		sink(line)
		return nil
	})
}

// ruleAt is the id of the rule whose definition holds line of file: of a
// file's rules (a conftest package has several), the last that starts at
// or before it. It is file itself when the file defines no rule (a helper
// module).
func ruleAt(rules []*policy.Rule, file string, line int) string {
	var best *policy.Rule
	for _, r := range rules {
		if r.File != file {
			continue
		}
		if best == nil || (r.Line <= line && (best.Line > line || r.Line > best.Line)) {
			best = r
		}
	}
	if best == nil {
		return file
	}
	return best.ID
}

type printFunc func(print.Context, string) error

func (f printFunc) Print(ctx print.Context, msg string) error { return f(ctx, msg) }
