package filter

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/kubeward/kubeward/engine/result"
)

// A baseline records the findings a project accepts for now, so that a run
// reports only new ones. A finding is known by its fingerprint: rule id,
// object identity (API group, kind, namespace, name) and field path. No
// line numbers and no file: editing around an object, or moving it to
// another file, keeps its findings known.

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// Baseline is the content of a baseline file.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one accepted finding. Rule, Object and Path are for people
// reading the file; Fingerprint is what is matched.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Object      string `json:"object"`
	Path        string `json:"path,omitempty"`
}

// Fingerprint identifies f across edits of its file.
func Fingerprint(f result.Finding) string {
	sum := sha256.Sum256([]byte(strings.Join([]string{strings.ToUpper(f.Rule.ID), objectIdentity(f), f.Location.Path}, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// objectIdentity is group/kind/namespace/name; the version is left out so that
// moving an object to a newer API version keeps its findings known.
func objectIdentity(f result.Finding) string {
	group := ""
	if i := strings.LastIndex(f.Object.APIVersion, "/"); i >= 0 {
		group = f.Object.APIVersion[:i]
	}
	return group + "/" + f.Object.Kind + "/" + f.Object.Namespace + "/" + f.Object.Name
}

// NewBaseline records the findings of res.
func NewBaseline(res *result.Result) *Baseline {
	b := &Baseline{Version: BaselineVersion, Findings: []BaselineEntry{}}
	seen := map[string]bool{}
	for _, f := range res.Findings {
		fp := Fingerprint(f)
		if seen[fp] {
			continue
		}
		seen[fp] = true
		b.Findings = append(b.Findings, BaselineEntry{Fingerprint: fp, Rule: f.Rule.ID, Object: objectIdentity(f), Path: f.Location.Path})
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.Object != y.Object {
			return x.Object < y.Object
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Path < y.Path
	})
	return b
}

// Marshal writes the baseline as YAML when name ends in .yaml or .yml, JSON
// otherwise.
func (b *Baseline) Marshal(name string) ([]byte, error) {
	js, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return yaml.JSONToYAML(js)
	}
	return append(js, '\n'), nil
}

// ParseBaseline reads a baseline file (JSON or YAML).
func ParseBaseline(name string, content []byte) (*Baseline, error) {
	var b Baseline
	if err := yaml.UnmarshalStrict(content, &b); err != nil {
		return nil, fmt.Errorf("%s: not a kubeward baseline: %w", name, err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d is not supported (this kubeward reads version %d)", name, b.Version, BaselineVersion)
	}
	for i, e := range b.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: baseline entry %d has no fingerprint", name, i+1)
		}
	}
	return &b, nil
}

// ApplyBaseline moves the findings b knows from res.Findings to the
// suppressed ones, and counts the entries of b no finding matched
// (res.BaselineGone). Run it after ApplyConfig.
func ApplyBaseline(res *result.Result, b *Baseline, file string) {
	known := map[string]bool{}
	for _, e := range b.Findings {
		known[e.Fingerprint] = true
	}
	matched := map[string]bool{}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		fp := knownFingerprint(f, known)
		if known[fp] {
			matched[fp] = true
			f.Suppression = &result.Suppression{Kind: result.SuppressedByBaseline, Reason: "in the baseline", Where: file}
			res.SuppressedFindings = append(res.SuppressedFindings, f)
			continue
		}
		kept = append(kept, f)
	}
	res.Findings = kept
	// Suppressed findings still occur: a finding an exception now covers does
	// not make its baseline entry gone.
	for _, f := range res.SuppressedFindings {
		if fp := knownFingerprint(f, known); known[fp] {
			matched[fp] = true
		}
	}
	res.BaselineFile = file
	res.BaselineGone = len(known) - len(matched)
	res.Suppressed = len(res.SuppressedFindings)
	result.SortFindings(res.SuppressedFindings)
}

// knownFingerprint is the finding's fingerprint, or, when the baseline does
// not hold it, the one it had when baselines were written with the
// namespace of an object that names none left empty (before NamespaceOf):
// a baseline written then still covers the findings it recorded.
func knownFingerprint(f result.Finding, known map[string]bool) string {
	fp := Fingerprint(f)
	if known[fp] || f.Object.Namespace == "" {
		return fp
	}
	old := f
	old.Object.Namespace = ""
	if legacy := Fingerprint(old); known[legacy] {
		return legacy
	}
	return fp
}
