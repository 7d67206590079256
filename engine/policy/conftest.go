package policy

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ConftestNamespace is the package conftest reads by default; kubeward reads
// it too, so that a conftest policy folder runs unchanged with --policy.
const ConftestNamespace = "main"

// ConftestProfile holds every conftest-style rule (`--profile conftest`).
const ConftestProfile = "conftest"

// conftestRuleName is what conftest evaluates in a namespace: deny, violation
// and warn, and their deny_*/violation_*/warn_* forms.
var conftestRuleName = regexp.MustCompile(`^(deny|violation|warn)(_[A-Za-z0-9_]+)?$`)

// conftestRules makes one rule per (package, rule name) of the user's modules
// in the conftest namespaces. Such packages carry no METADATA contract: their
// id is derived from where they live (conftest.<package>.<rule>), which is
// stable while the messages they build change with every input.
func (l *Library) conftestRules(namespaces []string) []*Rule {
	want := map[string]bool{ConftestNamespace: true}
	for _, ns := range namespaces {
		want[strings.TrimPrefix(ns, "data.")] = true
	}
	names := make([]string, 0, len(l.modules))
	for name := range l.modules {
		if !l.bundled[name] && !strings.HasSuffix(name, "_test.rego") {
			names = append(names, name)
		}
	}
	sort.Strings(names) // the first file defining a rule is where it is said to live
	exceptions := conftestExceptions(l.modules, names, want)
	byKey := map[string]*Rule{}
	var out []*Rule
	for _, name := range names {
		m := l.modules[name]
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !want[pkg] {
			continue
		}
		for _, r := range m.Rules {
			if len(r.Head.Reference) != 1 {
				continue
			}
			v, ok := r.Head.Reference[0].Value.(ast.Var)
			if !ok || !conftestRuleName.MatchString(string(v)) {
				continue
			}
			entry := string(v)
			key := pkg + "." + entry
			if byKey[key] != nil {
				continue
			}
			severity := "high"
			if strings.HasPrefix(entry, "warn") {
				severity = "low"
			}
			rule := &Rule{
				ID:          "conftest." + key,
				Title:       fmt.Sprintf("conftest rule %s in package %s", entry, pkg),
				Description: "A conftest-style rule: its messages are reported as findings at the start of the object.",
				Severity:    severity,
				Profiles:    []string{ConftestProfile},
				Package:     pkg,
				File:        name,
				Conftest:    true,
				Entry:       entry,
			}
			if r.Location != nil {
				rule.Line = r.Location.Row
			}
			if ex, ok := exceptions[pkg]; ok {
				rule.ExceptionFile, rule.ExceptionLine = ex.file, ex.line
				rule.ExceptionName = ExceptionName(entry)
			}
			byKey[key] = rule
			out = append(out, rule)
		}
	}
	return out
}

type exceptionAt struct {
	file string
	line int
}

// conftestExceptions finds, per conftest package, the first file and line
// defining its exception rule: conftest reads exceptions of the rule's own
// package only.
func conftestExceptions(modules map[string]*ast.Module, names []string, want map[string]bool) map[string]exceptionAt {
	out := map[string]exceptionAt{}
	for _, name := range names {
		m := modules[name]
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !want[pkg] {
			continue
		}
		if _, ok := out[pkg]; ok {
			continue
		}
		for _, r := range m.Rules {
			if len(r.Head.Reference) != 1 {
				continue
			}
			if v, ok := r.Head.Reference[0].Value.(ast.Var); ok && v == "exception" {
				at := exceptionAt{file: name}
				if r.Location != nil {
					at.line = r.Location.Row
				}
				out[pkg] = at
				break
			}
		}
	}
	return out
}

// ExceptionName is the name conftest looks for in the exception set to skip
// a rule: the rule's name without its deny_ or violation_ prefix. conftest
// strips no warn_ prefix, so warn_x is excepted by "warn_x".
func ExceptionName(entry string) string {
	for _, p := range []string{"deny_", "violation_"} {
		if strings.HasPrefix(entry, p) {
			return strings.TrimPrefix(entry, p)
		}
	}
	return entry
}

// EntryRule is the Rego rule whose set holds the rule's findings: deny for
// kubeward rules, the conftest rule's own name otherwise.
func (r *Rule) EntryRule() string {
	if r.Entry != "" {
		return r.Entry
	}
	return "deny"
}
