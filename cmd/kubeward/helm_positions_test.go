package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The suite testdata/positions/helm: a chart written the way charts are
// (documents emitted by a range, if/else with a disabled block that writes
// the same keys, helpers through include, toYaml of values, a subchart) and
// expected.txt, where each finding must point.
var helmSuite = filepath.Join("..", "..", "testdata", "positions", "helm")

func readExpected(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(helmSuite, "expected.txt"))
	require.NoError(t, err)
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	sort.Strings(out)
	return out
}

// TestHelmPositionsSuite: every finding on the suite's chart points at the
// template, line and column of expected.txt, the same in JSON, SARIF, GitHub
// annotations and HTML; and the template text there is the field's key, a
// list item's dash, or the action that wrote it.
func TestHelmPositionsSuite(t *testing.T) {
	chart := filepath.Join(helmSuite, "shop")
	r := kw(t, "lint", chart, "-n", "shop", "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)

	var got []string
	want := map[string]int{} // "RULE file:line:col" of every finding, for the other formats
	for _, f := range rep.Findings {
		l := f.Location
		got = append(got, fmt.Sprintf("%s %s/%s %s:%d:%d", f.Rule.ID, f.Object.Kind, f.Object.Name, l.Template, l.Line, l.Column))
		want[fmt.Sprintf("%s %s:%d:%d", f.Rule.ID, filepath.ToSlash(l.File), l.Line, l.Column)]++
		assertAtKey(t, f)
	}
	got = dedupe(got)
	assert.Equal(t, readExpected(t), got)

	t.Run("sarif", func(t *testing.T) {
		r := kw(t, "lint", chart, "-n", "shop", "--format", "sarif", "--fail-on", "none")
		require.Equal(t, 0, r.code, r.stderr)
		var doc struct {
			Runs []struct {
				Results []struct {
					RuleID    string `json:"ruleId"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI string `json:"uri"`
							} `json:"artifactLocation"`
							Region struct {
								StartLine   int `json:"startLine"`
								StartColumn int `json:"startColumn"`
							} `json:"region"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
		require.Len(t, doc.Runs, 1)
		seen := map[string]int{}
		for _, res := range doc.Runs[0].Results {
			require.NotEmpty(t, res.Locations)
			p := res.Locations[0].PhysicalLocation
			seen[fmt.Sprintf("%s %s:%d:%d", res.RuleID, sarifFile(p.ArtifactLocation.URI), p.Region.StartLine, p.Region.StartColumn)]++
		}
		assert.Equal(t, want, seen)
	})

	t.Run("github", func(t *testing.T) {
		r := kw(t, "lint", chart, "-n", "shop", "--format", "github", "--fail-on", "none")
		require.Equal(t, 0, r.code, r.stderr)
		re := regexp.MustCompile(`^::\w+ file=([^,]+),line=(\d+),col=(\d+),title=(\S+) `)
		seen := map[string]int{}
		for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
			if !strings.HasPrefix(line, "::") {
				continue // the summary
			}
			m := re.FindStringSubmatch(line)
			require.NotNil(t, m, line)
			seen[fmt.Sprintf("%s %s:%s:%s", m[4], filepath.ToSlash(m[1]), m[2], m[3])]++
		}
		assert.Equal(t, want, seen)
	})

	t.Run("html", func(t *testing.T) {
		r := kw(t, "lint", chart, "-n", "shop", "--format", "html", "--fail-on", "none")
		require.Equal(t, 0, r.code, r.stderr)
		for _, f := range rep.Findings {
			loc := fmt.Sprintf(`>%s:%d:%d<`, f.Location.File, f.Location.Line, f.Location.Column)
			assert.Contains(t, r.stdout, loc)
		}
	})
}

// sarifFile turns a SARIF artifact URI (relative, forward slashes, percent
// escapes) back into the path the JSON report gives.
func sarifFile(uri string) string {
	uri = strings.TrimPrefix(uri, "file://")
	for {
		i := strings.Index(uri, "../")
		if i != 0 {
			break
		}
		uri = uri[3:]
	}
	return "../../" + uri
}

// assertAtKey checks that the template text at the finding's line and column
// is what wrote its field: the key itself (or its parent's, for a missing
// field), a list item, or "{{" (an action: a value, include, toYaml).
func assertAtKey(t *testing.T, f jsonFinding) {
	t.Helper()
	l := f.Location
	data, err := os.ReadFile(l.File)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	require.True(t, l.Line >= 1 && l.Line <= len(lines), "%s:%d", l.File, l.Line)
	text := lines[l.Line-1]
	require.True(t, l.Column >= 1 && l.Column <= utf8.RuneCountInString(text), "%s:%d:%d", l.File, l.Line, l.Column)
	at := string([]rune(text)[l.Column-1:])
	if strings.HasPrefix(at, "{{") || strings.HasPrefix(at, "- ") {
		return
	}
	keys := strings.FieldsFunc(l.Path, func(r rune) bool { return r == '.' || r == '[' })
	// The field, or its parent when the field is absent (a finding about a
	// missing field points at where it would go).
	ok := false
	for i := len(keys) - 1; i >= 0 && i >= len(keys)-3; i-- {
		if strings.HasPrefix(at, keys[i]+":") {
			ok = true
		}
	}
	if !ok && strings.Contains(l.Path, "[") {
		// Below a list item: the item (its first key, or a flow item).
		ok = regexp.MustCompile(`^([\w.-]+:|"|\[|\{)`).MatchString(at)
	}
	assert.True(t, ok, "%s %s at %s:%d:%d is %q", f.Rule.ID, l.Path, l.File, l.Line, l.Column, at)
}

func dedupe(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
