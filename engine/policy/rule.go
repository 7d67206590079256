// Package policy loads Rego rules with their metadata, checks them against
// the policy contract, selects them by profile and compiles them once.
package policy

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// Severities from most to least severe.
var Severities = []string{"critical", "high", "medium", "low", "info"}

// SeverityRank orders severities: critical is 0, info 4, unknown -1.
func SeverityRank(s string) int {
	for i, v := range Severities {
		if v == s {
			return i
		}
	}
	return -1
}

// AtLeast reports whether severity s is at or above threshold t.
func AtLeast(s, t string) bool {
	rs, rt := SeverityRank(s), SeverityRank(t)
	return rs >= 0 && rt >= 0 && rs <= rt
}

// Rule is one rule of the library, described by its METADATA annotation.
type Rule struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	Severity    string   `json:"severity"`
	Kinds       []string `json:"kinds,omitempty"`
	Profiles    []string `json:"profiles,omitempty"`
	Overrides   []string `json:"overrides,omitempty"`
	Remediation string   `json:"remediation,omitempty"`
	References  []string `json:"references,omitempty"`
	Example     string   `json:"example,omitempty"`
	// ExampleData is a data document the example needs (rule parameters).
	ExampleData string         `json:"exampleData,omitempty"`
	Package     string         `json:"package"`
	File        string         `json:"file"`
	Line        int            `json:"line"`
	Bundled     bool           `json:"bundled"`
	Custom      map[string]any `json:"custom,omitempty"`
	// Conftest marks a conftest-style package (deny/violation/warn rules).
	Conftest bool `json:"-"`
	// Entry is the conftest rule's name (deny, warn_x, …); empty for kubeward rules.
	Entry string `json:"-"`
	// ExceptionFile and ExceptionLine are where the rule's package defines
	// conftest's exception rule (empty when it defines none): a finding of
	// the rule is suppressed when that set names ExceptionName.
	ExceptionFile string `json:"-"`
	ExceptionLine int    `json:"-"`
	ExceptionName string `json:"-"`
}

// Group is the rule's group: the package segment after kubeward.rules.
func (r *Rule) Group() string {
	parts := strings.Split(r.Package, ".")
	if len(parts) >= 3 && parts[0] == "kubeward" && parts[1] == "rules" {
		return parts[2]
	}
	return parts[0]
}

// AppliesTo reports whether the rule evaluates objects of kind.
func (r *Rule) AppliesTo(kind string) bool {
	if len(r.Kinds) == 0 {
		return true
	}
	for _, k := range r.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// InProfile reports whether the rule belongs to profile p ("all" holds every rule).
func (r *Rule) InProfile(p string) bool {
	if p == "" || p == ProfileAll {
		return true
	}
	for _, q := range r.Profiles {
		if q == p {
			return true
		}
	}
	return false
}

// ProfileAll selects every rule.
const ProfileAll = "all"

// Profiles lists the profiles named by rules, plus "all", sorted.
func Profiles(rules []*Rule) []string {
	seen := map[string]bool{ProfileAll: true}
	for _, r := range rules {
		for _, p := range r.Profiles {
			seen[p] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// Select returns the rules active under profile: those in it, minus every rule
// that an active rule overrides. An unknown profile is an error.
func Select(rules []*Rule, profile string) ([]*Rule, error) {
	if profile == "" {
		profile = ProfileAll
	}
	known := Profiles(rules)
	if i := sort.SearchStrings(known, profile); i >= len(known) || known[i] != profile {
		return nil, fmt.Errorf("unknown profile %q (known: %s)", profile, strings.Join(known, ", "))
	}
	overridden := map[string]bool{}
	for _, o := range Overrides(rules, profile) {
		for _, id := range o.Rules {
			overridden[strings.ToUpper(id)] = true
		}
	}
	var out []*Rule
	for _, r := range rules {
		if r.InProfile(profile) && !overridden[strings.ToUpper(r.ID)] {
			out = append(out, r)
		}
	}
	return out, nil
}

// Override is a rule of a profile that switches off other rules of it.
type Override struct {
	By *Rule
	// Rules are the ids of the rules it switches off, sorted.
	Rules []string
}

// Overrides lists, in rule order, the rules of profile that override other
// rules of it, with the ids they switch off: what Select leaves out, said
// so that a report can name it. Ids compare without case, as everywhere.
func Overrides(rules []*Rule, profile string) []Override {
	in := map[string]*Rule{}
	for _, r := range rules {
		if r.InProfile(profile) {
			in[strings.ToUpper(r.ID)] = r
		}
	}
	var out []Override
	for _, r := range rules {
		if !r.InProfile(profile) || len(r.Overrides) == 0 {
			continue
		}
		o := Override{By: r}
		for _, id := range r.Overrides {
			if t := in[strings.ToUpper(id)]; t != nil && t != r && !slices.Contains(o.Rules, t.ID) {
				o.Rules = append(o.Rules, t.ID)
			}
		}
		if len(o.Rules) > 0 {
			sort.Strings(o.Rules)
			out = append(out, o)
		}
	}
	return out
}
