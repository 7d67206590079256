package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/load"
)

// TestStreamJSONIsEncodingJSON: the streamed report is byte for byte what
// encoding/json writes for the whole report (two-space indent, no HTML
// escaping), empty and full lists alike.
func TestStreamJSONIsEncodingJSON(t *testing.T) {
	finding := func(id, msg string) jsonFinding {
		return jsonFinding{
			Rule:     jsonRule{ID: id, Title: "a <title> & more", Severity: "high"},
			Message:  msg,
			Object:   load.Ref{APIVersion: "v1", Kind: "Pod", Namespace: "ns", Name: "p"},
			Location: engine.Location{File: "a.yaml", Line: 3, Column: 5, Path: "spec.containers[0]"},
		}
	}
	suppressed := finding("KW-X-002", "suppressed")
	suppressed.Suppression = &engine.Suppression{Kind: "exception", Reason: "why", Where: ".kubeward.yaml:3"}
	for name, rep := range map[string]jsonReport{
		"empty": {Version: 1, Summary: jsonSummary{BySeverity: map[string]int{}}, Findings: []jsonFinding{},
			Errors: []load.Error{}, Warnings: []engine.Warning{}},
		"full": {Version: 1,
			Summary:    jsonSummary{Objects: 2, Findings: 2, BySeverity: map[string]int{"high": 2}, Excluded: 1, Baseline: &jsonBaseline{File: "b.json", Gone: 1}, SkippedIncomplete: []string{"KW-NET-002"}, Skipped: []string{"compose.yml"}, SkippedFiles: 1, Hidden: 3, MinSeverity: "medium"},
			Findings:   []jsonFinding{finding("KW-X-001", "one \"quoted\" <b>"), finding("KW-X-003", "two\nlines")},
			Errors:     []load.Error{{File: "bad.yaml", Line: 1, Message: "broken"}},
			Warnings:   []engine.Warning{{File: ".kubeward.yaml", Line: 2, Message: "expired"}},
			Suppressed: []jsonFinding{suppressed}},
		"one finding": {Version: 1, Summary: jsonSummary{BySeverity: map[string]int{}}, Findings: []jsonFinding{finding("KW-X-001", "x")},
			Errors: []load.Error{}, Warnings: []engine.Warning{}},
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(rep), name)
		var got bytes.Buffer
		require.NoError(t, streamJSON(&got, &rep), name)
		assert.Equal(t, want.String(), got.String(), name)
	}
}
