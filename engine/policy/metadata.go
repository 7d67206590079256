package policy

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/policies"
)

// RulesPrefix is the package prefix of every rule (fixed by the policy contract).
const RulesPrefix = "kubeward.rules."

// ruleOf reads the rule a module defines, if it is a rule package: a package
// under kubeward.rules with a deny rule or a METADATA annotation. Everything
// the contract requires is checked here so that a user sees file:line for it.
func ruleOf(f File, m *ast.Module) (*Rule, Errors) {
	pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
	if !strings.HasPrefix(pkg, RulesPrefix) || strings.HasSuffix(pkg, "_test") {
		return nil, nil
	}
	ann := packageAnnotation(m)
	hasDeny := definesRule(m, "deny")
	if ann == nil && !hasDeny {
		return nil, nil // a helper package under kubeward.rules
	}
	loc := m.Package.Location
	at := func(format string, args ...any) *Error {
		e := &Error{File: f.Name, Message: fmt.Sprintf(format, args...)}
		if loc != nil {
			e.Line = loc.Row
		}
		return e
	}
	if ann == nil {
		return nil, Errors{at("package %s defines deny but has no METADATA annotation with custom.id and custom.severity", pkg)}
	}
	if ann.Location != nil {
		loc = ann.Location
	}
	r := &Rule{
		Title:       ann.Title,
		Description: strings.TrimSpace(ann.Description),
		Package:     pkg,
		File:        f.Name,
		Bundled:     f.Bundled,
	}
	if loc != nil {
		r.Line = loc.Row
	}
	var errs Errors
	if !hasDeny {
		errs = append(errs, at("rule package %s has no deny rule", pkg))
	}
	c := ann.Custom
	r.ID, _ = c["id"].(string)
	switch {
	case r.ID == "":
		errs = append(errs, at("rule package %s: METADATA custom.id is missing", pkg))
	case !idPattern.MatchString(r.ID):
		errs = append(errs, at("rule package %s: custom.id %q is not a valid id (letters, digits, '-', '_', '.')", pkg, r.ID))
	}
	r.Severity, _ = c["severity"].(string)
	if SeverityRank(r.Severity) < 0 {
		errs = append(errs, at("rule %s: custom.severity %q is not one of %s", r.ID, fmt.Sprint(c["severity"]), strings.Join(Severities, ", ")))
	}
	if r.Title == "" {
		errs = append(errs, at("rule %s: METADATA title is missing", r.ID))
	}
	var err error
	for _, field := range []struct {
		name string
		dst  *[]string
	}{{"kinds", &r.Kinds}, {"profiles", &r.Profiles}, {"overrides", &r.Overrides}, {"references", &r.References}} {
		if *field.dst, err = stringList(c[field.name]); err != nil {
			errs = append(errs, at("rule %s: custom.%s %v", r.ID, field.name, err))
		}
	}
	r.Kinds = expandKinds(r.Kinds)
	if v, ok := c["remediation"]; ok {
		if r.Remediation, ok = v.(string); !ok {
			errs = append(errs, at("rule %s: custom.remediation must be a string", r.ID))
		}
	}
	r.Remediation = strings.TrimSpace(r.Remediation)
	for _, f := range []struct {
		name string
		dst  *string
	}{{"example", &r.Example}, {"exampleData", &r.ExampleData}} {
		if v, ok := c[f.name]; ok {
			if *f.dst, ok = v.(string); !ok {
				errs = append(errs, at("rule %s: custom.%s must be a string", r.ID, f.name))
			}
		}
	}
	errs = append(errs, checkResults(f, m, func(entry string) bool { return entry == "deny" }, true)...)
	if len(errs) > 0 {
		return nil, errs
	}
	if readsCompleteness(m) {
		c = maps.Clone(c) // the annotation is the module's, not ours to change
		if c == nil {
			c = map[string]any{}
		}
		c["requiresComplete"] = true
	}
	// Custom keeps what the fields above do not hold (requiresComplete,
	// declared or derived from the code, a user's own keys).
	for k, v := range c {
		if !knownCustom[k] {
			if r.Custom == nil {
				r.Custom = map[string]any{}
			}
			r.Custom[k] = v
		}
	}
	return r, nil
}

// expandKinds replaces the entry policies.PodKindsEntry of a rule's kinds
// with the pod kinds of the kind table (policies/kinds.yaml), so that no
// rule repeats that list. Kinds named besides it are kept, once each.
func expandKinds(kinds []string) []string {
	if !slices.Contains(kinds, policies.PodKindsEntry) {
		return kinds
	}
	out := make([]string, 0, len(kinds)+8)
	seen := map[string]bool{}
	for _, k := range kinds {
		more := []string{k}
		if k == policies.PodKindsEntry {
			more = policies.Kinds.PodKinds()
		}
		for _, m := range more {
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	return out
}

var knownCustom = map[string]bool{
	"id": true, "severity": true, "kinds": true, "profiles": true, "overrides": true,
	"references": true, "remediation": true, "example": true, "exampleData": true,
}

func packageAnnotation(m *ast.Module) *ast.Annotations {
	for _, a := range m.Annotations {
		if a.Scope == "package" {
			return a
		}
	}
	return nil
}

func definesRule(m *ast.Module, name string) bool {
	for _, r := range m.Rules {
		if len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.Compare(ast.Var(name)) == 0 {
			return true
		}
	}
	return false
}

func stringList(v any) ([]string, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{x}, nil
	case []any:
		if len(x) == 0 {
			return nil, nil
		}
		out := make([]string, 0, len(x))
		for _, item := range x {
			s, ok := item.(string)
			if !ok {
				return nil, fmt.Errorf("must be a list of strings, found %v", item)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("must be a list of strings")
}
