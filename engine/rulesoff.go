package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kubeward/kubeward/engine/policy"
)

// rulesOff lists what leaves rules of the profile out of a run over lib.
// The bundled library's own overrides (a restricted rule replacing its
// baseline twin) are its design, documented on the rules' pages, and are
// not listed.
func rulesOff(lib *policy.Library, opts Options, profile string) []RulesOff {
	var out []RulesOff
	if opts.Policy.NoBuiltin {
		if n := bundledInProfile(profile); n > 0 {
			by := opts.Policy.NoBuiltinBy
			if by == "" {
				by = "policy.Options.NoBuiltin"
			}
			out = append(out, RulesOff{Reason: OffNoBuiltin, Count: n, By: by,
				Message: fmt.Sprintf("%d bundled rules off: the built-in library was left out by %s", n, by)})
		}
	}
	for _, o := range policy.Overrides(lib.Rules, profile) {
		if o.By.Bundled {
			continue
		}
		by := fmt.Sprintf("%s (%s:%d)", o.By.ID, o.By.File, o.By.Line)
		out = append(out, RulesOff{Reason: OffOverridden, Count: len(o.Rules), Rules: o.Rules, By: by,
			Message: fmt.Sprintf("%s overridden by %s", strings.Join(o.Rules, ", "), by)})
	}
	inProfile := map[string]string{}
	for _, r := range lib.Rules {
		if r.InProfile(profile) {
			inProfile[strings.ToUpper(r.ID)] = r.ID
		}
	}
	var disabled []RulesOff
	for _, id := range opts.Disabled {
		loaded, ok := inProfile[strings.ToUpper(id)]
		if !ok {
			continue // not loaded (the CLI warns about that) or not in the profile
		}
		by := opts.DisabledBy[strings.ToUpper(id)]
		if by == "" {
			by = "Options.Disabled"
		}
		disabled = append(disabled, RulesOff{Reason: OffDisabled, Count: 1, Rules: []string{loaded}, By: by,
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
