package harness

import (
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"

	"github.com/kubeward/kubeward/engine/policy"
)

// Coverage is how much of the policies the Rego tests and the fixture suites
// evaluated: per rule, per file and in total, over the user's policy files
// (tests and the embedded library are not counted).
type Coverage struct {
	// Rules are the user's rules, by id: the lines of the rule's file, or
	// for a conftest rule the lines of its definitions.
	Rules      []RuleCoverage `json:"rules"`
	Files      []FileCoverage `json:"files"`
	Covered    int            `json:"coveredLines"`
	NotCovered int            `json:"notCoveredLines"`
	Percent    float64        `json:"percent"`
}

// FileCoverage is the coverage of one policy file.
type FileCoverage struct {
	File       string `json:"file"`
	Covered    int    `json:"coveredLines"`
	NotCovered int    `json:"notCoveredLines"`
	// Percent is 100 for a file with nothing to cover.
	Percent float64 `json:"percent"`
	// Missed are the line ranges no test evaluated ("12", "15-16").
	Missed []string `json:"notCovered,omitempty"`
}

// RuleCoverage is the coverage of one rule.
type RuleCoverage struct {
	ID         string  `json:"id"`
	File       string  `json:"file"`
	Covered    int     `json:"coveredLines"`
	NotCovered int     `json:"notCoveredLines"`
	Percent    float64 `json:"percent"`
	// Missed are the rule's line ranges nothing evaluated ("12", "15-16").
	Missed []string `json:"notCovered,omitempty"`
}

func coverageOf(rep cover.Report, lib *policy.Library, modules map[string]*ast.Module) *Coverage {
	c := &Coverage{}
	for name, fr := range rep.Files {
		// The suites' runs trace the bundled rules too: only the folders'
		// own files are counted.
		if _, own := modules[name]; !own || lib.IsBundled(name) || strings.HasSuffix(name, "_test.rego") {
			continue
		}
		f := FileCoverage{File: name, Covered: fr.CoveredLines, NotCovered: fr.NotCoveredLines}
		f.Percent = percent(f.Covered, f.NotCovered)
		f.Missed = lineRanges(fr.NotCovered)
		c.Files = append(c.Files, f)
		c.Covered += f.Covered
		c.NotCovered += f.NotCovered
	}
	sort.Slice(c.Files, func(i, j int) bool { return c.Files[i].File < c.Files[j].File })
	for _, r := range lib.Rules {
		if r.Bundled || lib.IsBundled(r.File) {
			continue
		}
		rc := RuleCoverage{ID: r.ID, File: r.File}
		counted := false
		for _, file := range ruleFiles(r, modules) {
			fr, ok := rep.Files[file]
			if !ok {
				continue
			}
			counted = true
			within := ruleLines(r, modules[file])
			covered := rowsOf(fr.Covered, within)
			missed := rowsOf(fr.NotCovered, within)
			for row := range missed {
				if covered[row] {
					delete(missed, row) // a row partly evaluated counts as covered
				}
			}
			rc.Covered += len(covered)
			rc.NotCovered += len(missed)
			var ranges []cover.Range
			for row := range missed {
				ranges = append(ranges, cover.Range{Start: cover.Position{Row: row}, End: cover.Position{Row: row}})
			}
			for _, rg := range lineRanges(ranges) {
				if file != r.File {
					rg = file + ":" + rg // a conftest rule defined in several files
				}
				rc.Missed = append(rc.Missed, rg)
			}
		}
		if !counted {
			continue
		}
		rc.Percent = percent(rc.Covered, rc.NotCovered)
		c.Rules = append(c.Rules, rc)
	}
	sort.Slice(c.Rules, func(i, j int) bool { return c.Rules[i].ID < c.Rules[j].ID })
	c.Percent = percent(c.Covered, c.NotCovered)
	return c
}

func percent(covered, notCovered int) float64 {
	if covered+notCovered == 0 {
		return 100
	}
	return float64(covered) * 100 / float64(covered+notCovered)
}

// lineRanges writes the rows of ranges as sorted, merged line ranges.
func lineRanges(ranges []cover.Range) []string {
	rows := map[int]bool{}
	for _, r := range ranges {
		for row := r.Start.Row; row <= r.End.Row; row++ {
			rows[row] = true
		}
	}
	sorted := make([]int, 0, len(rows))
	for row := range rows {
		sorted = append(sorted, row)
	}
	sort.Ints(sorted)
	var out []string
	for i := 0; i < len(sorted); {
		j := i
		for j+1 < len(sorted) && sorted[j+1] == sorted[j]+1 {
			j++
		}
		if i == j {
			out = append(out, strconv.Itoa(sorted[i]))
		} else {
			out = append(out, strconv.Itoa(sorted[i])+"-"+strconv.Itoa(sorted[j]))
		}
		i = j + 1
	}
	return out
}

// ruleFiles are the files that define r: its own, and for a conftest rule
// every file of its package (deny may be defined in several), sorted.
func ruleFiles(r *policy.Rule, modules map[string]*ast.Module) []string {
	if !r.Conftest {
		return []string{r.File}
	}
	var files []string
	for name, m := range modules {
		if strings.TrimPrefix(m.Package.Path.String(), "data.") == r.Package {
			files = append(files, name)
		}
	}
	sort.Strings(files)
	return files
}

// ruleLines are the rows of r in its module: every row for a kubeward rule
// (its package is its file), the rows of its definitions for a conftest rule
// (a package of many rules); nil means every row.
func ruleLines(r *policy.Rule, m *ast.Module) func(row int) bool {
	if !r.Conftest || m == nil {
		return nil
	}
	type span struct{ from, to int }
	var spans []span
	for _, rule := range m.Rules {
		if rule.Location == nil || rule.Head.Name.String() != r.EntryRule() {
			continue
		}
		from := rule.Location.Row
		spans = append(spans, span{from, from + strings.Count(string(rule.Location.Text), "\n")})
	}
	return func(row int) bool {
		for _, s := range spans {
			if row >= s.from && row <= s.to {
				return true
			}
		}
		return false
	}
}

// rowsOf is the set of rows of ranges that within keeps (nil keeps all).
func rowsOf(ranges []cover.Range, within func(int) bool) map[int]bool {
	rows := map[int]bool{}
	for _, rg := range ranges {
		for row := rg.Start.Row; row <= rg.End.Row; row++ {
			if within == nil || within(row) {
				rows[row] = true
			}
		}
	}
	return rows
}
