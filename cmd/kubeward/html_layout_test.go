package main

import (
	"encoding/json"
	"fmt"
	"html"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The HTML report at the widths people read it at (800, 1400 and 1920 px)
// in headless Chromium: nothing wider than the window, no cell whose content
// is cut off, rows most severe first, and a severity's toggle hides its rows.
// A probe script appended to a copy of the report measures the laid-out page
// and writes what it found into the DOM that --dump-dom prints; the report
// itself is what the screenshots (html-800.png, …) show.

// layoutProbe runs after the report's own script. It unticks the toggle of
// the severity given, then reports the layout and the rows.
const layoutProbe = `<script>
(function () {
  "use strict";
  var out = { innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, clipped: [], rows: [] };
  var toggle = document.querySelector('input.sev-toggle[value="%s"]');
  out.toggleFound = !!toggle;
  if (toggle) { toggle.click(); }
  var cells = document.querySelectorAll("#findings tr.finding:not([hidden]) td, #findings th");
  Array.prototype.forEach.call(cells, function (c) {
    var box = c.getBoundingClientRect();
    if ((c.scrollWidth > c.clientWidth + 1 || box.right > window.innerWidth + 0.5 || box.left < -0.5) && out.clipped.length < 6) {
      out.clipped.push((c.dataset.label || c.textContent).slice(0, 40) + " " + c.scrollWidth + ">" + c.clientWidth + " right " + box.right);
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll("#findings tr.finding"), function (r) {
    out.rows.push({ severity: r.dataset.severity, location: r.cells[3].dataset.sort, hidden: r.hidden, height: r.getBoundingClientRect().height });
  });
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>`

type layoutResult struct {
	InnerWidth  int      `json:"innerWidth"`
	ScrollWidth int      `json:"scrollWidth"`
	Clipped     []string `json:"clipped"`
	ToggleFound bool     `json:"toggleFound"`
	Rows        []struct {
		Severity string  `json:"severity"`
		Location string  `json:"location"`
		Hidden   bool    `json:"hidden"`
		Height   float64 `json:"height"`
	} `json:"rows"`
}

// longNamedInput is a manifest whose file and object names are long and
// unbroken, the values that push a table's columns wider than the screen.
func longNamedInput(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	name := "a-deliberately-long-manifest-file-name-without-any-spaces-to-break-at-" + strings.Repeat("x", 40) + ".yaml"
	pod := strings.Replace(privilegedPod, "name: root-shell", "name: "+strings.Repeat("long-pod-name-", 4)+"end", 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(pod), 0o644))
	return dir
}

func TestHTMLReportLayoutAtThreeWidths(t *testing.T) {
	browser := chromium(t)
	dir := artifacts(t)
	inputs := []string{filepath.Join("..", "..", "testdata", "examples"), longNamedInput(t)}
	page := filepath.Join(t.TempDir(), "report.html")
	r := kw(t, append([]string{"lint", "--format", "html", "--output", page, "--fail-on", "none"}, inputs...)...)
	require.Equal(t, exitClean, r.code, r.stderr)
	report, err := os.ReadFile(page)
	require.NoError(t, err)
	rank := map[string]int{"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}
	// The toggle to untick: the least severe severity the input has.
	hide := ""
	for _, m := range regexp.MustCompile(`<tr class="finding"[^>]* data-severity="(\w+)"`).FindAllStringSubmatch(string(report), -1) {
		if hide == "" || rank[m[1]] > rank[hide] {
			hide = m[1]
		}
	}
	require.NotEmpty(t, hide, "the input has findings")

	for _, width := range []int{800, 1400, 1920} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			t.Parallel()
			probed := filepath.Join(t.TempDir(), "probed.html")
			withProbe := strings.Replace(string(report), "</body>", fmt.Sprintf(layoutProbe, hide)+"\n</body>", 1)
			require.NoError(t, os.WriteFile(probed, []byte(withProbe), 0o644))
			size := fmt.Sprintf("--window-size=%d,2000", width)
			dom := runChromium(t, browser, "file://"+probed, "--virtual-time-budget=5000", size, "--dump-dom")
			m := regexp.MustCompile(`<pre id="probe">([^<]*)</pre>`).FindStringSubmatch(dom)
			require.NotNil(t, m, "the probe did not run")
			var got layoutResult
			require.NoError(t, json.Unmarshal([]byte(html.UnescapeString(m[1])), &got), m[1])

			assert.Equal(t, width, got.InnerWidth, "the window is as wide as asked")
			assert.LessOrEqual(t, got.ScrollWidth, got.InnerWidth, "the page scrolls sideways")
			assert.Empty(t, got.Clipped, "cells whose content is cut off or off screen")

			require.NotEmpty(t, got.Rows)
			hidden := 0
			for i, row := range got.Rows {
				if i > 0 {
					prev := got.Rows[i-1]
					require.LessOrEqual(t, rank[prev.Severity], rank[row.Severity], "row %d: %s after %s", i, row.Severity, prev.Severity)
					if prev.Severity == row.Severity {
						assert.LessOrEqual(t, prev.Location, row.Location, "row %d: file and line order within a severity", i)
					}
				}
				assert.Equal(t, row.Severity == hide, row.Hidden, "row %d (%s) after unticking %s", i, row.Severity, hide)
				if row.Hidden {
					hidden++
					assert.Zero(t, row.Height, "a hidden row takes no space")
				}
			}
			assert.Positive(t, hidden)
			assert.Less(t, hidden, len(got.Rows), "the other severities stay")

			shot := filepath.Join(dir, fmt.Sprintf("html-%d.png", width))
			runChromium(t, browser, "file://"+page, "--virtual-time-budget=5000", size, "--screenshot="+shot)
			f, err := os.Open(shot)
			require.NoError(t, err)
			defer f.Close()
			img, err := png.Decode(f)
			require.NoError(t, err)
			assert.Equal(t, width, img.Bounds().Dx())
		})
	}
}
