// Package docs renders rule documentation from rule metadata: the pages in
// docs/rules/ and the output of `kubeward rules --format markdown`.
package docs

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kubeward/kubeward/engine/policy"
)

// RulePage renders one rule's page.
func RulePage(r *policy.Rule, example string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", r.ID, r.Title)
	b.WriteString("<!-- Generated from the rule's METADATA by `make docs`; do not edit. -->\n\n")
	b.WriteString("| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| Severity | %s |\n", r.Severity)
	fmt.Fprintf(&b, "| Group | %s |\n", r.Group())
	fmt.Fprintf(&b, "| Profiles | %s |\n", strings.Join(append([]string{"all"}, r.Profiles...), ", "))
	kinds := "any"
	if len(r.Kinds) > 0 {
		kinds = strings.Join(r.Kinds, ", ")
	}
	fmt.Fprintf(&b, "| Kinds | %s |\n", kinds)
	if len(r.Overrides) > 0 {
		fmt.Fprintf(&b, "| Overrides | %s |\n", strings.Join(r.Overrides, ", "))
	}
	if v, _ := r.Custom["requiresComplete"].(bool); v {
		b.WriteString("| Needs complete input | yes: runs only with `--complete` |\n")
	}
	fmt.Fprintf(&b, "| Policy | `%s` (`%s`) |\n\n", r.File, r.Package)
	if r.Description != "" {
		b.WriteString("## Why\n\n" + r.Description + "\n\n")
	}
	if r.Remediation != "" {
		b.WriteString("## Remediation\n\n" + r.Remediation + "\n\n")
	}
	if example != "" {
		b.WriteString("## Example\n\nThis manifest triggers the rule")
		if r.ExampleData != "" {
			b.WriteString(" with these parameters (`--data FILE`):\n\n```yaml\n" + strings.TrimRight(r.ExampleData, "\n") + "\n```\n\nThe manifest")
		}
		b.WriteString(":\n\n```yaml\n" + strings.TrimRight(example, "\n") + "\n```\n\n")
	}
	if len(r.References) > 0 {
		b.WriteString("## References\n\n")
		for _, ref := range r.References {
			if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") {
				fmt.Fprintf(&b, "- <%s>\n", ref)
			} else {
				fmt.Fprintf(&b, "- %s\n", ref)
			}
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// Index renders a table of rules, grouped by group, for docs/rules/README.md
// and `kubeward rules --format markdown`.
func Index(rules []*policy.Rule, linkPages bool) string {
	sorted := append([]*policy.Rule(nil), rules...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Group() != sorted[j].Group() {
			return sorted[i].Group() < sorted[j].Group()
		}
		return sorted[i].ID < sorted[j].ID
	})
	var b strings.Builder
	b.WriteString("| ID | Severity | Title | Profiles |\n|---|---|---|---|\n")
	for _, r := range sorted {
		id := r.ID
		if linkPages {
			id = fmt.Sprintf("[%s](%s.md)", r.ID, r.ID)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", id, r.Severity, escapeCell(r.Title), strings.Join(r.Profiles, ", "))
	}
	return b.String()
}

func escapeCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// Pages returns every page of a rule set by file name: <ID>.md per rule and
// README.md as the index.
func Pages(rules []*policy.Rule) map[string]string {
	pages := map[string]string{}
	for _, r := range rules {
		pages[r.ID+".md"] = RulePage(r, policy.Example(r))
	}
	var b strings.Builder
	b.WriteString("# Rules\n\n<!-- Generated from the rules' METADATA by `make docs`; do not edit. -->\n\n")
	fmt.Fprintf(&b, "%d rules. Every rule is in profile `all`; `kubeward rules --profile P` lists a profile.\n\n", len(rules))
	b.WriteString(Index(rules, true))
	pages["README.md"] = b.String()
	return pages
}
