package engine

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/kubeward/kubeward/engine/internal/inventory"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/result"
)

// Trace is the evaluation of one rule on one object, step by step.
type Trace struct {
	Rule   *policy.Rule
	Object *load.Object
	// Findings are what the rule reported on the object.
	Findings []Finding
	// Steps is OPA's trace of the evaluation, kept to the rule's own file
	// (helpers it calls show as one step), with each step's location.
	Steps string
	// Verdict says in one line whether the rule fired, and why not.
	Verdict string
}

// Trace evaluates rule id on target, one of objs (the run's inventory, for
// cross-resource rules), with OPA's tracer on, as Lint would evaluate it.
func (l *Linter) Trace(ctx context.Context, id string, objs []*load.Object, target *load.Object) (*Trace, error) {
	r := l.library.Rule(id)
	if r == nil {
		return nil, fmt.Errorf("no rule %q", id)
	}
	t := &Trace{Rule: r, Object: target}
	if !r.AppliesTo(target.Kind) {
		t.Verdict = fmt.Sprintf("%s did not fire: it applies to %s, not to %s, and was not evaluated", r.ID, strings.Join(r.Kinds, ", "), target.Kind)
		return t, nil
	}
	rules := []*policy.Rule{r}
	var compiler *ast.Compiler
	var err error
	if l.full != nil {
		compiler = l.full[0].compiler // a user's library, compiled whole by New
	} else if compiler, err = l.library.CompileRules(rules, inventory.IndexModule); err != nil {
		return nil, err
	}
	p := newPart(compiler, rules)
	data, err := l.runData(ctx, []part{p}, objs)
	if err != nil {
		return nil, fmt.Errorf("building the inventory: %w", err)
	}
	buf := topdown.NewBufferTracer()
	e := l.partEvaluator(p, inmem.NewFromASTObject(data))
	e.Tracer = buf
	if t.Findings, err = e.One(ctx, r, target); err != nil {
		return nil, err
	}
	var own []*topdown.Event
	for _, ev := range *buf {
		if ev.Location != nil && ev.Location.File == r.File {
			own = append(own, ev)
		}
	}
	var b bytes.Buffer
	topdown.PrettyTraceWithLocation(&b, own)
	t.Steps = b.String()
	t.Verdict = verdict(r, target, t.Findings, own)
	return t, nil
}

// verdict says whether r fired on o; when it did not, the last expression
// of the rule's file that failed is, most often, the condition that held it
// back.
func verdict(r *policy.Rule, o *load.Object, findings []Finding, events []*topdown.Event) string {
	if n := len(findings); n > 0 {
		f := findings[0]
		more := ""
		if n > 1 {
			more = fmt.Sprintf(" (and %d more)", n-1)
		}
		return fmt.Sprintf("%s fired on %s: %d finding(s), first at line %d: %s%s", r.ID, result.Describe(o.Ref()), n, f.Location.Line, f.Message, more)
	}
	for i := len(events) - 1; i >= 0; i-- {
		ev := events[i]
		if ev.Op != topdown.FailOp {
			continue
		}
		if expr, ok := ev.Node.(*ast.Expr); ok {
			// The source as written: the compiled expression has the
			// compiler's local variables in it.
			text := strings.Join(strings.Fields(string(ev.Location.Text)), " ")
			if text == "" {
				text = expr.String()
			}
			return fmt.Sprintf("%s did not fire on %s: %s:%d: %s was false", r.ID, result.Describe(o.Ref()), ev.Location.File, ev.Location.Row, text)
		}
	}
	return fmt.Sprintf("%s did not fire on %s: no body of %s held", r.ID, result.Describe(o.Ref()), r.EntryRule())
}
