// Package filter is the stage between evaluation and reporting: the
// configuration's severity overrides and exceptions, the ignore annotations
// of the manifests and a baseline move findings from result.Result.Findings to
// result.Result.SuppressedFindings, each with what suppressed it; and it lists the
// rules of the profile that the options switched off.
package filter

import (
	"fmt"
	"strings"
	"time"

	"github.com/kubeward/kubeward/engine/config"
	"github.com/kubeward/kubeward/engine/result"
)

// The config filter runs between evaluation and reporting: it applies severity
// overrides, then moves the findings that an ignore annotation, an exception
// of .kubeward.yaml or a baseline covers from Findings to Suppressed.

// Annotations that suppress findings in the manifests themselves.
const (
	IgnoreAnnotation       = "kubeward.io/ignore"
	IgnoreReasonAnnotation = "kubeward.io/ignore-reason"
)

// ApplyConfig filters res in place: severity overrides of cfg, then ignore
// annotations, then cfg's exceptions that have not expired by now. cfg may be
// nil (annotations still apply). Expired exceptions are added to
// res.Warnings and suppress nothing.
func ApplyConfig(res *result.Result, cfg *config.Config, now time.Time) {
	if cfg != nil {
		for i := range res.Findings {
			if s := cfg.Severity(res.Findings[i].Rule.ID); s != "" {
				res.Findings[i].Severity = s
			}
		}
		for _, e := range cfg.Exceptions {
			if e.Expired(now) {
				res.Warnings = append(res.Warnings, result.Warning{File: cfg.File, Line: e.Line, Message: fmt.Sprintf(
					"the exception for %s expired on %s (%s); it no longer suppresses anything: renew it or fix the findings",
					strings.Join(e.Rules, ", "), e.Expires.Format("2006-01-02"), e.Reason)})
			}
		}
	}
	objects := map[objectKey]*result.Checked{}
	for i := range res.Checked {
		c := &res.Checked[i]
		objects[objectKey{c.File, c.Document, c.Item}] = c
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		obj := objects[objectKey{objectFile(f), f.Document, f.Item}]
		// A conftest exception was decided at evaluation, with the input.
		if f.Suppression != nil {
			res.SuppressedFindings = append(res.SuppressedFindings, f)
			continue
		}
		if s := suppression(f, obj, cfg, now); s != nil {
			f.Suppression = s
			res.SuppressedFindings = append(res.SuppressedFindings, f)
			continue
		}
		kept = append(kept, f)
	}
	res.Findings = kept
	res.Suppressed = len(res.SuppressedFindings)
}

type objectKey struct {
	file           string
	document, item int
}

func suppression(f result.Finding, obj *result.Checked, cfg *config.Config, now time.Time) *result.Suppression {
	if obj != nil {
		for _, a := range []map[string]string{obj.Annotations, obj.TemplateAnnotations} {
			if reason, ok := ignores(a, f.Rule.ID); ok {
				return &result.Suppression{Kind: result.SuppressedByAnnotation, Reason: reason, Where: IgnoreAnnotation + " on " + result.Describe(f.Object)}
			}
		}
	}
	if cfg == nil {
		return nil
	}
	t := config.Target{Rule: f.Rule.ID, Kind: f.Object.Kind, Namespace: f.Object.Namespace, Name: f.Object.Name, File: f.Location.File}
	if obj != nil {
		t.Labels = obj.Labels
	}
	// A finding in a patch is the object's too: an exception for either
	// file applies.
	files := []string{f.Location.File}
	if f.ObjectFile != "" {
		files = append(files, f.ObjectFile)
	}
	for _, file := range files {
		t.File = file
		for i := range cfg.Exceptions {
			e := &cfg.Exceptions[i]
			if !e.Expired(now) && e.Matches(cfg, t) {
				return &result.Suppression{Kind: result.SuppressedByException, Reason: e.Reason, Where: e.Where(cfg)}
			}
		}
	}
	return nil
}

// ignores says whether annotations ignore rule id, with a reason: an ignore
// without a reason suppresses nothing (KW-CFG-001 reports it).
func ignores(annotations map[string]string, id string) (string, bool) {
	reason := strings.TrimSpace(annotations[IgnoreReasonAnnotation])
	if reason == "" {
		return "", false
	}
	for _, r := range strings.Split(annotations[IgnoreAnnotation], ",") {
		if r = strings.TrimSpace(r); r != "" && config.MatchGlob(strings.ToUpper(r), strings.ToUpper(id)) {
			return reason, true
		}
	}
	return "", false
}

// objectFile is the file the finding's object was read from.
func objectFile(f result.Finding) string {
	if f.ObjectFile != "" {
		return f.ObjectFile
	}
	return f.Location.File
}
