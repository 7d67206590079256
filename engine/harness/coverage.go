package harness

import (
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/cover"

	"github.com/kubeward/kubeward/engine/policy"
)

// Coverage is how much of the policies the Rego tests evaluated: per file and
// in total, over the user's policy files (tests and the embedded library are
// not counted).
type Coverage struct {
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

func coverageOf(rep cover.Report, lib *policy.Library) *Coverage {
	c := &Coverage{}
	for name, fr := range rep.Files {
		if lib.IsBundled(name) || strings.HasSuffix(name, "_test.rego") {
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
