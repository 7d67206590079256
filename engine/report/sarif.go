package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/result"
)

// sarifLevel maps severities to SARIF levels; code scanning shows critical and
// high as errors.
func sarifLevel(severity string) string {
	switch severity {
	case "critical", "high":
		return "error"
	case "medium", "low":
		return "warning"
	}
	return "note"
}

// securitySeverity is GitHub code scanning's numeric severity property.
var securitySeverity = map[string]string{"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "info": "1.0"}

func writeSARIF(w io.Writer, res *result.Result, opts Options) error {
	run := sarif.NewRunWithInformationURI("kubeward", "https://github.com/kubeward/kubeward")
	if opts.Version != "" {
		run.Tool.Driver.WithVersion(opts.Version)
	}
	// Every active rule is described, so that a clean run still tells code
	// scanning what was checked.
	rules := append([]*policy.Rule(nil), res.Rules...)
	seen := map[string]bool{}
	for _, r := range rules {
		seen[r.ID] = true
	}
	for _, f := range append(append([]result.Finding(nil), res.Findings...), res.SuppressedFindings...) {
		if !seen[f.Rule.ID] {
			seen[f.Rule.ID] = true
			rules = append(rules, f.Rule)
		}
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	for _, r := range rules {
		help := r.Description
		if r.Remediation != "" {
			help += "\n\nRemediation: " + r.Remediation
		}
		props := sarif.NewPropertyBag()
		props.Add("tags", slices.Compact(slices.Sorted(slices.Values(append([]string{"security", "kubernetes", r.Group()}, r.Profiles...))))) // SARIF tags must be unique
		props.Add("security-severity", securitySeverity[r.Severity])
		props.Add("severity", r.Severity)
		run.AddRule(r.ID).
			WithName(ruleName(r)).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Title)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(r.Description)).
			WithHelp(sarif.NewMultiformatMessageString().WithText(help)).
			WithHelpURI(opts.DocsURL + r.ID + ".md").
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity))).
			WithProperties(props)
	}
	// Suppressed findings are results too, marked with their suppression:
	// SARIF viewers show them as dismissed, with the justification.
	all := append(append([]result.Finding(nil), res.Findings...), res.SuppressedFindings...)
	for _, f := range all {
		region := sarif.NewRegion().WithStartLine(max(f.Location.Line, 1))
		if f.Location.Column > 0 {
			region.WithStartColumn(f.Location.Column)
		}
		loc := sarif.NewLocationWithPhysicalLocation(
			sarif.NewPhysicalLocation().
				WithArtifactLocation(sarif.NewSimpleArtifactLocation(fileURI(f.Location.File))).
				WithRegion(region))
		loc.WithLogicalLocations([]*sarif.LogicalLocation{
			sarif.NewLogicalLocation().WithFullyQualifiedName(objectName(f) + "." + f.Location.Path).WithKind("object"),
		})
		sr := run.CreateResultForRule(f.Rule.ID).
			WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message)).
			AddLocation(loc)
		sr.WithRuleIndex(run.GetRuleIndex(f.Rule.ID))
		if f.Location.Template != "" {
			props := sarif.NewPropertyBag()
			props.Add("template", f.Location.Template)
			sr.WithProperties(props)
		}
		if s := f.Suppression; s != nil {
			kind := "external"
			if s.Kind == result.SuppressedByAnnotation {
				kind = "inSource"
			}
			sr.AddSuppression(sarif.NewSuppression().WithKind(kind).WithStatus("accepted").
				WithJustification(s.Reason + " (" + s.Kind + " " + s.Where + ")"))
		}
	}
	for _, wn := range res.Warnings {
		n := sarif.NewNotification().WithLevel("warning").WithMessage(sarif.NewTextMessage(wn.Message))
		if wn.File != "" {
			n.WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(fileURI(wn.File))).
					WithRegion(sarif.NewRegion().WithStartLine(max(wn.Line, 1))))})
		}
		if len(run.Invocations) == 0 {
			run.AddInvocation(sarif.NewInvocation().WithExecutionSuccessful(len(res.Errors) == 0))
		}
		run.Invocations[0].AddToolConfigurationNotification(n)
	}
	// Rules switched off are a matter of the tool's configuration (SARIF
	// 2.1.0 §3.20.22), told as notes: they are not problems of the run.
	for _, off := range res.RulesOff {
		n := sarif.NewNotification().WithLevel("note").WithMessage(sarif.NewTextMessage(off.Message))
		n.WithDescriptor(sarif.NewReportingDescriptorReference().WithID("rules-off/" + off.Reason))
		props := sarif.NewPropertyBag()
		if len(off.Rules) > 0 {
			props.Add("rules", off.Rules)
		}
		props.Add("count", off.Count)
		props.Add("by", off.By)
		n.WithProperties(props)
		if len(run.Invocations) == 0 {
			run.AddInvocation(sarif.NewInvocation().WithExecutionSuccessful(len(res.Errors) == 0))
		}
		run.Invocations[0].AddToolConfigurationNotification(n)
	}
	// Files skipped as not manifests and findings hidden by --min-severity
	// are notes on the run too, with their counts.
	notes := map[string]string{}
	props := map[string]*sarif.PropertyBag{}
	if k := len(res.Skipped); k > 0 {
		notes["skipped-files"] = fmt.Sprintf("%d files skipped: not Kubernetes manifests", k)
		p := sarif.NewPropertyBag()
		p.Add("count", k)
		p.Add("files", res.Skipped)
		props["skipped-files"] = p
	}
	if res.Hidden > 0 {
		notes["hidden-findings"] = fmt.Sprintf("%d findings below %s hidden (--min-severity)", res.Hidden, res.MinSeverity)
		p := sarif.NewPropertyBag()
		p.Add("count", res.Hidden)
		p.Add("minSeverity", res.MinSeverity)
		props["hidden-findings"] = p
	}
	for _, id := range []string{"skipped-files", "hidden-findings"} {
		if notes[id] == "" {
			continue
		}
		n := sarif.NewNotification().WithLevel("note").WithMessage(sarif.NewTextMessage(notes[id]))
		n.WithDescriptor(sarif.NewReportingDescriptorReference().WithID(id))
		n.WithProperties(props[id])
		if len(run.Invocations) == 0 {
			run.AddInvocation(sarif.NewInvocation().WithExecutionSuccessful(len(res.Errors) == 0))
		}
		run.Invocations[0].AddToolConfigurationNotification(n)
	}
	for _, e := range res.Errors {
		n := sarif.NewNotification().WithLevel("error").WithMessage(sarif.NewTextMessage(e.Text()))
		if e.File == "" {
			// A step of the run failed, not a file: no location, the stage in the text.
			n.WithMessage(sarif.NewTextMessage(e.Where() + ": " + e.Text()))
		} else {
			region := sarif.NewRegion().WithStartLine(max(e.Line, 1))
			n.WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(fileURI(e.File))).WithRegion(region))})
		}
		if len(run.Invocations) == 0 {
			// Input errors make the exit status 2: the run did not fully succeed.
			run.AddInvocation(sarif.NewInvocation().WithExecutionSuccessful(false))
		}
		run.Invocations[0].AddToolExecutionNotification(n)
	}
	if len(run.Invocations) == 0 {
		run.AddInvocation(sarif.NewInvocation().WithExecutionSuccessful(true))
	}
	rep := sarif.NewReport().AddRun(run)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// ruleName is the rule's title in PascalCase, as SARIF viewers expect a name.
func ruleName(r *policy.Rule) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(r.Title, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
	}) {
		b.WriteString(strings.ToUpper(word[:1]) + word[1:])
	}
	return b.String()
}

// fileURI writes a path as a relative URI reference (what code scanning
// resolves against the repository root).
func fileURI(file string) string {
	p := filepath.ToSlash(file)
	p = strings.TrimPrefix(p, "./")
	u := url.URL{Path: p}
	return u.String()
}
