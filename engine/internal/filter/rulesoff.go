package filter

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/result"
)

// RulesOff lists what leaves rules of the profile out of a run over lib:
// the built-in library left out (opts.NoBuiltin), rules overridden by
// others, and the rule ids disabled, each by disabledBy[upper-case id].
// The bundled library's own overrides (a restricted rule replacing its
// baseline twin) are its design, documented on the rules' pages, and are
// not listed.
func RulesOff(lib *policy.Library, opts policy.Options, profile string, ids []string, disabledBy map[string]string) []result.RulesOff {
	var out []result.RulesOff
	if opts.NoBuiltin {
		if n := bundledInProfile(profile); n > 0 {
			by := opts.NoBuiltinBy
			if by == "" {
				by = "policy.Options.NoBuiltin"
			}
			out = append(out, result.RulesOff{Reason: result.OffNoBuiltin, Count: n, By: by,
				Message: fmt.Sprintf("%d bundled rules off: the built-in library was left out by %s", n, by)})
		}
	}
	for _, o := range policy.Overrides(lib.Rules, profile) {
		if o.By.Bundled {
			continue
		}
		by := fmt.Sprintf("%s (%s:%d)", o.By.ID, o.By.File, o.By.Line)
		out = append(out, result.RulesOff{Reason: result.OffOverridden, Count: len(o.Rules), Rules: o.Rules, By: by,
			Message: fmt.Sprintf("%s overridden by %s", strings.Join(o.Rules, ", "), by)})
	}
	inProfile := map[string]string{}
	for _, r := range lib.Rules {
		if r.InProfile(profile) {
			inProfile[strings.ToUpper(r.ID)] = r.ID
		}
	}
	var disabled []result.RulesOff
	for _, id := range ids {
		loaded, ok := inProfile[strings.ToUpper(id)]
		if !ok {
			continue // not loaded (the CLI warns about that) or not in the profile
		}
		by := disabledBy[strings.ToUpper(id)]
		if by == "" {
			by = "Options.Disabled"
		}
		disabled = append(disabled, result.RulesOff{Reason: result.OffDisabled, Count: 1, Rules: []string{loaded}, By: by,
			Message: fmt.Sprintf("%s disabled by %s", loaded, by)})
	}
	sort.Slice(disabled, func(i, j int) bool { return disabled[i].Rules[0] < disabled[j].Rules[0] })
	return append(out, disabled...)
}

// bundledInProfile counts the built-in rules of profile: none when the
// built-in library does not know the profile, whose rules would not have run.
func bundledInProfile(profile string) int {
	lib, err := policy.Load(policy.Options{})
	if err != nil {
		return 0
	}
	n := 0
	for _, r := range lib.Rules {
		if r.InProfile(profile) {
			n++
		}
	}
	return n
}
