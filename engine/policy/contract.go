package policy

import (
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
)

// checkResults checks, where the source says it, what the rule's entries
// return against the policy contract: an object literal in a rule head (or
// assigned, in the rule's body, to the variable the head returns) whose msg
// is not a string, or, for a kubeward rule, whose path is not an array of
// keys and indexes. A wrong literal is then an error at load, at its
// file:line, rather than once per object at run time; what only evaluation
// knows is still checked then (engine/internal/evaluate).
func checkResults(f File, m *ast.Module, entries func(string) bool, withPath bool) Errors {
	var errs Errors
	for _, r := range m.Rules {
		if len(r.Head.Reference) != 1 || r.Head.Key == nil {
			continue
		}
		v, ok := r.Head.Reference[0].Value.(ast.Var)
		if !ok || !entries(string(v)) {
			continue
		}
		for _, t := range returned(r) {
			errs = append(errs, checkResult(f, string(v), t, withPath)...)
		}
	}
	return errs
}

// returned are the terms a rule's entries are known to be: the head's key
// when it is an object literal, else the object literals the body assigns
// to the key's variable.
func returned(r *ast.Rule) []*ast.Term {
	key := r.Head.Key
	if _, ok := key.Value.(ast.Object); ok {
		return []*ast.Term{key}
	}
	name, ok := key.Value.(ast.Var)
	if !ok {
		return nil
	}
	var out []*ast.Term
	for _, expr := range r.Body {
		if !expr.IsAssignment() && !expr.IsEquality() {
			continue
		}
		ops := expr.Operands()
		if len(ops) != 2 {
			continue
		}
		for i, side := range ops {
			if v, ok := side.Value.(ast.Var); ok && v == name {
				if _, ok := ops[1-i].Value.(ast.Object); ok {
					out = append(out, ops[1-i])
				}
			}
		}
	}
	return out
}

func checkResult(f File, entry string, t *ast.Term, withPath bool) Errors {
	obj := t.Value.(ast.Object)
	at := func(loc *ast.Location, format string, args ...any) *Error {
		e := &Error{File: f.Name, Message: fmt.Sprintf(format, args...)}
		if loc == nil {
			loc = t.Location
		}
		if loc != nil {
			e.Line, e.Column = loc.Row, loc.Col
		}
		return e
	}
	var errs Errors
	msg := obj.Get(ast.StringTerm("msg"))
	switch {
	case msg == nil:
		errs = append(errs, at(nil, "%s returns an object without msg: the policy contract wants {\"msg\": string, ...}", entry))
	case isLiteral(msg.Value):
		if _, ok := msg.Value.(ast.String); !ok {
			errs = append(errs, at(msg.Location, "%s returns a msg that is %s, not a string", entry, describeLiteral(msg.Value)))
		}
	}
	if !withPath {
		return errs
	}
	p := obj.Get(ast.StringTerm("path"))
	if p == nil || !isLiteral(p.Value) {
		return errs
	}
	arr, ok := p.Value.(*ast.Array)
	if !ok {
		hint := ""
		if s, ok := p.Value.(ast.String); ok {
			hint = fmt.Sprintf(", e.g. %s for %s", suggestPath(string(s)), p.Value)
		}
		return append(errs, at(p.Location, "%s returns a path that is %s: the policy contract wants an array of keys and indexes%s", entry, describeLiteral(p.Value), hint))
	}
	arr.Foreach(func(step *ast.Term) {
		switch sv := step.Value.(type) {
		case ast.String, ast.Var, ast.Ref, ast.Call:
		case ast.Number:
			if _, ok := sv.Int(); !ok {
				errs = append(errs, at(step.Location, "%s returns a path with the step %s, which is not an integer index", entry, sv))
			}
		default:
			if isLiteral(sv) {
				errs = append(errs, at(step.Location, "%s returns a path with a step that is %s: steps are keys (strings) and indexes (integers)", entry, describeLiteral(sv)))
			}
		}
	})
	return errs
}

// isLiteral reports whether v is a value written out (not a variable, a
// reference or a call, which only evaluation knows).
func isLiteral(v ast.Value) bool {
	switch v.(type) {
	case ast.String, ast.Number, ast.Boolean, ast.Null, *ast.Array, ast.Object, ast.Set:
		return true
	}
	return false
}

func describeLiteral(v ast.Value) string {
	switch v.(type) {
	case ast.String:
		return "a string"
	case ast.Number:
		return "a number"
	case ast.Boolean:
		return "a boolean"
	case ast.Null:
		return "null"
	case *ast.Array:
		return "an array"
	case ast.Object:
		return "an object"
	case ast.Set:
		return "a set"
	}
	return fmt.Sprintf("%T", v)
}

// suggestPath writes a dotted path as the array the contract wants.
func suggestPath(s string) string {
	terms := []*ast.Term{}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if i > start {
				terms = append(terms, ast.StringTerm(s[start:i]))
			}
			start = i + 1
		}
	}
	return ast.NewArray(terms...).String()
}
