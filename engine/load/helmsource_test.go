package load

import (
	"regexp"
	"strings"
	"testing"
)

// helmSourcePattern is what helmTemplate implements by hand.
var helmSourcePattern = regexp.MustCompile(`(?m)^#\s*Source:\s*(\S.*?)\s*$`)

func helmTemplateByPattern(text []byte) string {
	m := helmSourcePattern.FindSubmatch(text)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(string(m[1]))
}

func TestHelmTemplateMatchesItsPattern(t *testing.T) {
	for _, text := range []string{
		"---\n# Source: chart/templates/deploy.yaml\napiVersion: v1\n",
		"# Source: a.yaml",
		"# Source: a.yaml  \r\nkind: x\n",
		"#Source:b.yaml\n",
		"# comment\n# Source: c/d.yaml\n",
		"  # Source: indented.yaml\n# Source: second.yaml\n",
		"#\n  Source: across lines.yaml\n",
		"# Source:\n\n  next line.yaml\n",
		"# Source:   \n",
		"# Source:",
		"# Source: \u00a0nbsp.yaml\u00a0\n",
		"x: 1 # Source: not.yaml\n",
		"# source: lower.yaml\n",
		"# Source: a.yaml\tb \n",
		"#  \t Source:\ttab.yaml\n",
		"\n#Source:x\n",
		"# Sources: y\n# Source: z\n",
	} {
		if got, want := helmTemplate([]byte(text)), helmTemplateByPattern([]byte(text)); got != want {
			t.Errorf("%q: got %q, the pattern gives %q", text, got, want)
		}
	}
}

func FuzzHelmTemplate(f *testing.F) {
	f.Add("# Source: a/b.yaml\n")
	f.Add("#\n Source: \n x\n")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := helmTemplate([]byte(text)), helmTemplateByPattern([]byte(text)); got != want {
			t.Errorf("%q: got %q, the pattern gives %q", text, got, want)
		}
	})
}
