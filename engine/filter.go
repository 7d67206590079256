package engine

import (
	"time"

	"github.com/kubeward/kubeward/engine/config"
	"github.com/kubeward/kubeward/engine/internal/filter"
)

// The filter stage (engine/internal/filter) under the names callers use: it
// runs between evaluation and reporting, and moves the findings that an
// ignore annotation, an exception of .kubeward.yaml or a baseline covers
// from Findings to SuppressedFindings.

// Annotations that suppress findings in the manifests themselves.
const (
	IgnoreAnnotation       = filter.IgnoreAnnotation
	IgnoreReasonAnnotation = filter.IgnoreReasonAnnotation
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = filter.BaselineVersion

type (
	// Baseline is the content of a baseline file: the findings a project
	// accepts for now, known by their Fingerprint.
	Baseline = filter.Baseline
	// BaselineEntry is one accepted finding.
	BaselineEntry = filter.BaselineEntry
)

// ApplyConfig filters res in place: severity overrides of cfg, then ignore
// annotations, then cfg's exceptions that have not expired by now. cfg may be
// nil (annotations still apply). Expired exceptions are added to
// res.Warnings and suppress nothing.
func ApplyConfig(res *Result, cfg *config.Config, now time.Time) { filter.ApplyConfig(res, cfg, now) }

// ApplyBaseline moves the findings b knows from res.Findings to the
// suppressed ones, and counts the entries of b no finding matched
// (res.BaselineGone). Run it after ApplyConfig.
func ApplyBaseline(res *Result, b *Baseline, file string) { filter.ApplyBaseline(res, b, file) }

// NewBaseline records the findings of res.
func NewBaseline(res *Result) *Baseline { return filter.NewBaseline(res) }

// ParseBaseline reads a baseline file (JSON or YAML).
func ParseBaseline(name string, content []byte) (*Baseline, error) {
	return filter.ParseBaseline(name, content)
}

// Fingerprint identifies f across edits of its file: rule id, object
// identity and field path, no line and no file.
func Fingerprint(f Finding) string { return filter.Fingerprint(f) }
