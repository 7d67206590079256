package main

import (
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The HTML report is checked in a real browser: headless Chromium loads the
// file, runs its script and dumps the resulting DOM, which is compared with
// the JSON report of the same input. No browser driver is needed: the page
// takes its filter and sort order from the URL fragment, so "what the user
// would see after filtering" is what --dump-dom prints.

// chromium returns the browser to use, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("KUBEWARD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (apt-get install chromium, or set KUBEWARD_CHROMIUM): the HTML report is not checked in a browser")
	return ""
}

// artifacts is where the test leaves the report and its screenshot for people
// to look at (KUBEWARD_ARTIFACTS in CI).
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("KUBEWARD_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

// runChromium runs headless Chromium on url with extra flags and returns its
// standard output. The flags keep it off the network: this machine has none,
// and the report must need none.
func runChromium(t *testing.T, browser, url string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + t.TempDir(),
	}, extra...)
	cmd := exec.CommandContext(ctx, browser, append(args, url)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "chromium: %s", stderr.String())
	return string(out)
}

var findingRow = regexp.MustCompile(`<tr class="finding"([^>]*)>`)

type domRow struct {
	rule, severity string
	hidden         bool
}

func domRows(dom string) []domRow {
	attr := func(attrs, name string) string {
		m := regexp.MustCompile(` ` + name + `="([^"]*)"`).FindStringSubmatch(attrs)
		if m == nil {
			return ""
		}
		return m[1]
	}
	var rows []domRow
	for _, m := range findingRow.FindAllStringSubmatch(dom, -1) {
		rows = append(rows, domRow{
			rule: attr(m[1], "data-rule"), severity: attr(m[1], "data-severity"),
			hidden: regexp.MustCompile(` hidden(="[^"]*")?`).MatchString(m[1]),
		})
	}
	return rows
}

func domText(t *testing.T, dom, id string) int {
	t.Helper()
	m := regexp.MustCompile(`id="` + id + `">(\d+)<`).FindStringSubmatch(dom)
	require.NotNil(t, m, "#%s is not in the rendered page", id)
	n, err := strconv.Atoi(m[1])
	require.NoError(t, err)
	return n
}

func TestHTMLReportInBrowser(t *testing.T) {
	browser := chromium(t)
	dir := artifacts(t)
	inputs := []string{filepath.Join("..", "..", "testdata", "examples"), fixture("invalid.yaml")}

	js := kw(t, append([]string{"lint", "--format", "json"}, inputs...)...)
	require.Equal(t, exitError, js.code, js.stderr)
	rep := decodeReport(t, js.stdout)
	require.NotEmpty(t, rep.Findings)
	require.NotEmpty(t, rep.Errors)

	page := filepath.Join(dir, "kubeward-report.html")
	r := kw(t, append([]string{"lint", "--format", "html", "--output", page}, inputs...)...)
	require.Equal(t, exitError, r.code, r.stderr)
	abs, err := filepath.Abs(page)
	require.NoError(t, err)
	// Case-insensitive text filter, severity filter and a descending sort on
	// the rule column, all from the fragment.
	url := "file://" + abs + "#filter=kw-pss&severity=high&sort=rule&desc=1"

	t.Run("totals and filter", func(t *testing.T) {
		t.Parallel()
		dom := runChromium(t, browser, url, "--virtual-time-budget=5000", "--dump-dom")
		require.Contains(t, dom, `data-ready="true"`, "the page's script did not run")

		bySeverity := map[string]int{}
		var want []string // rule ids the filter keeps, in the order shown
		for _, f := range rep.Findings {
			bySeverity[f.Rule.Severity]++
			if f.Rule.Severity == "high" && strings.HasPrefix(f.Rule.ID, "KW-PSS-") {
				want = append(want, f.Rule.ID)
			}
		}
		assert.Equal(t, rep.Summary.Findings, domText(t, dom, "total-findings"))
		for _, s := range []string{"critical", "high", "medium", "low", "info"} {
			assert.Equal(t, bySeverity[s], domText(t, dom, "sev-"+s), s)
		}
		assert.Equal(t, rep.Summary.Errors, domText(t, dom, "total-errors"))
		assert.Equal(t, rep.Summary.Objects, domText(t, dom, "total-objects"))
		assert.Equal(t, rep.Summary.Suppressed, domText(t, dom, "total-suppressed"))

		rows := domRows(dom)
		require.Len(t, rows, len(rep.Findings))
		var shown []string
		for _, row := range rows {
			if !row.hidden {
				shown = append(shown, row.rule)
			}
		}
		require.NotEmpty(t, want, "the input has high PSS findings to filter on")
		sort.SliceStable(want, func(i, j int) bool { return want[i] > want[j] })
		assert.Equal(t, want, shown, "visible rows: the high KW-PSS findings, rule ids descending")
		assert.Equal(t, len(want), domText(t, dom, "shown"))
	})

	t.Run("screenshot", func(t *testing.T) {
		t.Parallel()
		shot := filepath.Join(dir, "kubeward-report.png")
		runChromium(t, browser, url, "--virtual-time-budget=5000", "--window-size=1400,1800", "--screenshot="+shot)
		f, err := os.Open(shot)
		require.NoError(t, err)
		defer f.Close()
		img, err := png.Decode(f)
		require.NoError(t, err)
		assert.Equal(t, 1400, img.Bounds().Dx())
		t.Logf("screenshot: %s", shot)
	})
}
