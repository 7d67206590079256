package report_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/report"
)

// The browser test (cmd/kubeward) checks what a person sees; these check the
// file itself.

// textOf returns the text of the element with id.
func textOf(t *testing.T, page, id string) string {
	t.Helper()
	m := regexp.MustCompile(`id="` + regexp.QuoteMeta(id) + `">([^<]*)<`).FindStringSubmatch(page)
	require.NotNil(t, m, "no element #%s", id)
	return m[1]
}

func TestHTMLTotals(t *testing.T) {
	page := write(t, "html", sample(), report.Options{Version: "1.2.3"})
	assert.Equal(t, "4", textOf(t, page, "total-findings"))
	assert.Equal(t, "1", textOf(t, page, "sev-critical"))
	assert.Equal(t, "1", textOf(t, page, "sev-high"))
	assert.Equal(t, "1", textOf(t, page, "sev-medium"))
	assert.Equal(t, "0", textOf(t, page, "sev-low"))
	assert.Equal(t, "1", textOf(t, page, "sev-info"))
	assert.Equal(t, "2", textOf(t, page, "total-errors"))
	assert.Equal(t, "4", textOf(t, page, "total-objects"))
	assert.Equal(t, "0", textOf(t, page, "total-suppressed"))
	// Groups are the middle part of the rule ids: all the sample's are KW-T-….
	assert.Regexp(t, `class="bar group" data-name="T">.*<span class="count">4</span>`, page)
	// Per namespace: the Namespace object is cluster-scoped.
	assert.Regexp(t, `class="bar namespace" data-name="shop">.*<span class="count">3</span>`, page)
	assert.Regexp(t, `class="bar namespace" data-name="\(none\)">.*<span class="count">1</span>`, page)
	assert.Equal(t, 4, strings.Count(page, `<tr class="finding"`))
	assert.Contains(t, page, "kubeward 1.2.3")
}

func TestHTMLRowsAndLinks(t *testing.T) {
	page := write(t, "html", sample(), report.Options{DocsURL: "https://docs.example.com/rules/"})
	// A bundled rule links to its page; a user rule has none to link to.
	assert.Contains(t, page, `<a href="https://docs.example.com/rules/KW-T-001.md"`)
	assert.NotContains(t, page, `KW-T-002.md`)
	assert.Contains(t, page, `deploy.yaml:20:13`)
	assert.Contains(t, page, `Set securityContext.privileged to false.`)
	assert.Contains(t, page, `template chart/templates/x.yaml`)
	// Messages are escaped, never markup.
	assert.NotContains(t, page, "<b>bold</b>")
	assert.Contains(t, page, "&lt;b&gt;bold&lt;/b&gt; &amp; more")
	assert.Contains(t, page, "bad.yaml:3:5: invalid YAML")
	assert.Contains(t, page, "gone.yaml: no such file or directory")
}

func TestHTMLIsSelfContained(t *testing.T) {
	page := write(t, "html", sample(), report.Options{})
	assert.Contains(t, page, `http-equiv="Content-Security-Policy" content="default-src 'none'`)
	// Nothing is loaded from anywhere: no external scripts, styles, images or fonts.
	for _, bad := range []string{"<link", " src=", "@import", "url(", "<iframe", "fetch(", "XMLHttpRequest"} {
		assert.NotContains(t, page, bad)
	}
	// The only addresses are the links to the rules' pages.
	for _, m := range regexp.MustCompile(`https?://[^"\s]+`).FindAllString(page, -1) {
		assert.True(t, strings.HasPrefix(m, report.DefaultDocsURL), m)
	}
}

func TestHTMLDeterministicUnlessTimed(t *testing.T) {
	a := write(t, "html", sample(), report.Options{})
	assert.Equal(t, a, write(t, "html", sample(), report.Options{}))
	assert.NotRegexp(t, `20\d\d-\d\d-\d\d`, a, "no date unless one is given")
	at := time.Date(2026, 12, 2, 10, 30, 0, 0, time.UTC)
	assert.Contains(t, write(t, "html", sample(), report.Options{Generated: at}), "2026-12-02 10:30:00 UTC")
}

func TestHTMLSuppressedAndEmpty(t *testing.T) {
	res := clean()
	page := write(t, "html", res, report.Options{})
	assert.Contains(t, page, "No findings.")
	assert.Contains(t, page, "No errors.")
	assert.Contains(t, page, "Nothing was suppressed.")

	res.Suppressed = 3
	page = write(t, "html", res, report.Options{})
	assert.Equal(t, "3", textOf(t, page, "total-suppressed"))
	assert.Contains(t, page, "Suppressed (3)")
	assert.Contains(t, page, "3 findings were suppressed by configuration and are not counted above.")

	// With the suppressed findings themselves: each with what suppressed it.
	res.Suppressed = 1
	res.SuppressedFindings = []engine.Finding{{
		Rule: rulePriv, Severity: "critical", Object: deployment, Message: "privileged",
		Location:    engine.Location{File: "deploy.yaml", Line: 20, Column: 13},
		Suppression: &engine.Suppression{Kind: "exception", Where: ".kubeward.yaml:4", Reason: "moves in Q1"},
	}}
	page = write(t, "html", res, report.Options{})
	assert.Contains(t, page, "deploy.yaml:20:13: CRITICAL "+rulePriv.ID+" privileged (Deployment")
	assert.Contains(t, page, "suppressed by exception at .kubeward.yaml:4: moves in Q1")
	assert.NotContains(t, page, "are not counted above")
}

// Rows come most severe first, in the result's order within a severity,
// and each severity has a toggle that hides it.
func TestHTMLSeverityOrderAndToggles(t *testing.T) {
	page := write(t, "html", sample(), report.Options{})
	var order []string
	for _, m := range regexp.MustCompile(`<tr class="finding" data-index="(\d+)" data-severity="(\w+)"`).FindAllStringSubmatch(page, -1) {
		order = append(order, m[1]+":"+m[2])
	}
	// The sample's findings are, by file and line: info at line 30 before
	// high at line 31.
	assert.Equal(t, []string{"0:critical", "1:high", "2:medium", "3:info"}, order)
	for _, s := range []string{"critical", "high", "medium", "low", "info"} {
		assert.Contains(t, page, `<input type="checkbox" class="sev-toggle" value="`+s+`" checked>`)
	}
	// Wide values wrap in their column instead of overflowing it.
	assert.Contains(t, page, "table-layout: fixed")
	assert.Contains(t, page, "@media (max-width: 1000px)")
}
