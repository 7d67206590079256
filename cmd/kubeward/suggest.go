package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// unknownFlag matches pflag's messages for a flag that does not exist:
// "unknown flag: --fial-on" and "unknown shorthand flag: 'x' in -x".
var unknownFlag = regexp.MustCompile(`^unknown (?:flag: --(\S+)|shorthand flag: '(.)')`)

// flagError turns a flag parsing error into a usage error (exit 2) and, for
// a mistyped flag, suggests the closest flags of the command: cobra suggests
// mistyped commands, not flags.
func flagError(c *cobra.Command, err error) error {
	msg := err.Error()
	if m := unknownFlag.FindStringSubmatch(msg); m != nil && m[1] != "" {
		if s := suggestFlags(c, m[1]); len(s) > 0 {
			msg += "\n\nDid you mean this?\n\t--" + strings.Join(s, "\n\t--")
		}
	}
	return usageError("%s\nRun '%s --help' for usage.", msg, c.CommandPath())
}

// suggestFlags returns the command's visible flags (its own and inherited)
// that typed is a prefix of, or within two edits of typed (one for short
// names), closest first.
func suggestFlags(c *cobra.Command, typed string) []string {
	type candidate struct {
		name string
		dist int
	}
	var found []candidate
	seen := map[string]bool{}
	consider := func(f *pflag.Flag) {
		if f.Hidden || seen[f.Name] {
			return
		}
		seen[f.Name] = true
		lower := strings.ToLower(typed)
		// A prefix is what the user most likely meant; two edits on a short
		// name reach unrelated flags (--out would suggest --set).
		if len(lower) >= 3 && strings.HasPrefix(f.Name, lower) {
			found = append(found, candidate{f.Name, 0})
			return
		}
		limit := 2
		if len(lower) <= 4 {
			limit = 1
		}
		if d := levenshtein.ComputeDistance(lower, f.Name); d <= limit {
			found = append(found, candidate{f.Name, d})
		}
	}
	c.Flags().VisitAll(consider)
	c.InheritedFlags().VisitAll(consider)
	sort.Slice(found, func(i, j int) bool {
		if found[i].dist != found[j].dist {
			return found[i].dist < found[j].dist
		}
		return found[i].name < found[j].name
	})
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = f.name
	}
	return names
}

// helpExample gives cobra's built-in help command an example like the others.
func helpExample(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			c.Example = fmt.Sprintf("  %[1]s help lint\n  %[1]s help completion", root.Name())
		}
	}
}
