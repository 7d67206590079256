package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/result"
)

// The HTML report is one self-contained file for CI artifacts and for people
// who would rather look than read: styles and script are inline, charts are
// CSS bars, and a Content-Security-Policy forbids every network request. The
// table is rendered here, most severe findings first, so the report reads
// without JavaScript; the inline script only sorts and filters it, hides
// severities at a click (and applies #filter=…&severity=…&hide=…&sort=… from
// the URL, so that a filtered view can be linked to). The table wraps long
// values rather than clipping them, and becomes one card per finding on
// narrow screens.
//
//go:embed html.tmpl
var htmlTemplate string

// htmlPage is parsed on first use: parsing it at start-up was a measurable
// part of every run's start, HTML or not (a test parses it, so a broken
// template still fails the build's tests, not a user's run).
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"upper": strings.ToUpper,
	}).Parse(htmlTemplate))
})

// htmlReport is everything the template shows.
type htmlReport struct {
	Version   string
	Generated string
	Objects   int
	Files     int
	Rules     int
	Findings  []htmlFinding
	Errors    []htmlError
	// Severities are the totals by severity, in severity order, all of them.
	Severities        []htmlCount
	Groups            []htmlCount
	ByRule            []htmlCount
	ByNS              []htmlCount
	SkippedIncomplete []string
	// Skipped are the input files that are not Kubernetes manifests;
	// Hidden the findings below MinSeverity left out.
	Skipped     []string
	Hidden      int
	MinSeverity string
	Suppressed  htmlSuppressed
	// RulesOff are the sentences naming the rules switched off, and by what.
	RulesOff []string
}

// htmlSuppressed is the "suppressed" section: how many findings configuration
// suppressed and, each with what suppressed it, which.
type htmlSuppressed struct {
	Count    int
	Findings []htmlFinding
}

type htmlCount struct {
	Name  string
	Title string // a rule's title, for the per-rule chart
	Count int
	// Percent is Count relative to the largest count of the same chart.
	Percent int
}

type htmlFinding struct {
	Severity     string
	SeverityRank int
	Rule         string
	RuleTitle    string
	Group        string
	DocURL       string
	Object       string
	Namespace    string
	Location     string
	// LocationKey sorts locations by file, then line and column as numbers.
	LocationKey string
	Template    string
	Message     string
	Remediation string
	// SuppressedBy says what suppressed it ("exception at .kubeward.yaml:12:
	// reason"), for the suppressed section.
	SuppressedBy string
}

type htmlError struct {
	Location string
	Message  string
}

// ruleGroup is the middle part of a rule id (KW-PSS-007 -> PSS), the
// grouping users see in ids; ids of another shape fall back to the package's
// group.
func ruleGroup(r *policy.Rule) string {
	if parts := strings.Split(r.ID, "-"); len(parts) == 3 && parts[1] != "" {
		return strings.ToUpper(parts[1])
	}
	return strings.ToUpper(r.Group())
}

func writeHTML(w io.Writer, res *result.Result, opts Options) error {
	rep := htmlReport{
		Version: opts.Version, Objects: res.Objects, Files: res.Files, Rules: len(res.Rules),
		Suppressed: htmlSuppressed{Count: res.Suppressed},
		Skipped:    res.Skipped, Hidden: res.Hidden, MinSeverity: res.MinSeverity,
	}
	if !opts.Generated.IsZero() {
		rep.Generated = opts.Generated.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	bySeverity := map[string]int{}
	byGroup, byRule, byNS := map[string]int{}, map[string]int{}, map[string]int{}
	titles := map[string]string{}
	for _, f := range res.Findings {
		hf := newHTMLFinding(f, opts)
		rep.Findings = append(rep.Findings, hf)
		bySeverity[f.Severity]++
		byGroup[hf.Group]++
		byRule[hf.Rule]++
		titles[hf.Rule] = hf.RuleTitle
		byNS[hf.Namespace]++
	}
	// Most severe first: the rows that matter are at the top, not INFO rows
	// of the first file. Within a severity the result's order (file, line,
	// rule) stays.
	sort.SliceStable(rep.Findings, func(i, j int) bool {
		return rep.Findings[i].SeverityRank < rep.Findings[j].SeverityRank
	})
	for _, s := range policy.Severities {
		rep.Severities = append(rep.Severities, htmlCount{Name: s, Count: bySeverity[s]})
	}
	setPercents(rep.Severities)
	rep.Groups = sortedCounts(byGroup, nil)
	rep.ByRule = sortedCounts(byRule, titles)
	rep.ByNS = sortedCounts(byNS, nil)
	for _, f := range res.SuppressedFindings {
		hf := newHTMLFinding(f, opts)
		if s := f.Suppression; s != nil {
			hf.SuppressedBy = s.Kind + " at " + s.Where
			if s.Reason != "" {
				hf.SuppressedBy += ": " + s.Reason
			}
		}
		rep.Suppressed.Findings = append(rep.Suppressed.Findings, hf)
	}
	for _, e := range res.Errors {
		rep.Errors = append(rep.Errors, htmlError{Location: e.Where(), Message: e.Text()})
	}
	for _, r := range res.SkippedIncomplete {
		rep.SkippedIncomplete = append(rep.SkippedIncomplete, r.ID)
	}
	for _, off := range res.RulesOff {
		rep.RulesOff = append(rep.RulesOff, off.Message)
	}
	return htmlPage().Execute(w, rep)
}

func newHTMLFinding(f result.Finding, opts Options) htmlFinding {
	hf := htmlFinding{
		Severity: f.Severity, SeverityRank: policy.SeverityRank(f.Severity),
		Rule: f.Rule.ID, RuleTitle: f.Rule.Title, Group: ruleGroup(f.Rule),
		Object: objectName(f), Namespace: f.Object.Namespace,
		Location:    position(f.Location.File, f.Location.Line, f.Location.Column),
		LocationKey: fmt.Sprintf("%s\x00%08d\x00%08d", f.Location.File, f.Location.Line, f.Location.Column),
		Template:    f.Location.Template, Message: f.Message, Remediation: f.Rule.Remediation,
	}
	if hf.Namespace == "" {
		hf.Namespace = "(none)"
	}
	// Only the bundled rules have a published page.
	if f.Rule.Bundled {
		hf.DocURL = opts.DocsURL + f.Rule.ID + ".md"
	}
	return hf
}

// sortedCounts orders a chart's bars by count, largest first, then by name.
func sortedCounts(m map[string]int, titles map[string]string) []htmlCount {
	out := make([]htmlCount, 0, len(m))
	for name, n := range m {
		out = append(out, htmlCount{Name: name, Title: titles[name], Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	setPercents(out)
	return out
}

func setPercents(cs []htmlCount) {
	largest := 0
	for _, c := range cs {
		largest = max(largest, c.Count)
	}
	for i := range cs {
		if largest > 0 {
			cs[i].Percent = cs[i].Count * 100 / largest
		}
	}
}
