package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/bundles"
)

// Reports carry values from someone else's manifests, policies, bundles and
// configuration into terminals and CI logs. These tests run the CLI on such
// values (issue 20): outputs stay outputs, nothing switches checks off
// silently, bundles stay within what they own.

// echoRule is a rule whose message quotes an annotation of the object as is.
const echoRule = `# METADATA
# title: Echo
# custom:
#   id: UNTRUSTED-001
#   severity: high
#   profiles: [untrusted]
package kubeward.rules.untrusted.echo

deny contains {"msg": sprintf("note says %s", [input.metadata.annotations.note]), "path": ["metadata", "annotations", "note"]} if {
	input.metadata.annotations.note
}
`

// hostileManifest's annotation holds a colour escape, a carriage return, a
// line feed followed by a workflow command, an already escaped line feed, a
// bidirectional override, the older command form and HTML.
const hostileManifest = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web
  namespace: shop
  annotations:
    note: "\e[31mred\r\n::error::pwned %0A \u202Eevil ##[add-mask]x <b>"
`

// hostileNote is the annotation as the manifest means it.
const hostileNote = "\x1b[31mred\r\n::error::pwned %0A \u202eevil ##[add-mask]x <b>"

// writeUnder writes name -> content under dir.
func writeUnder(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
}

// inUntrustedFolder writes the rule and the manifest, the manifest under a
// name that starts with "::", and moves into the folder, so that report
// lines start with that name as the runner would see them.
func inUntrustedFolder(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	writeUnder(t, dir, map[string]string{"rules/echo.rego": echoRule, "::add-mask::x.yaml": hostileManifest})
	t.Chdir(dir)
}

func untrustedLint(t *testing.T, format string) cliResult {
	t.Helper()
	r := kw(t, "lint", "::add-mask::x.yaml", "--policy", "rules", "--profile", "untrusted", "--no-cache", "--format", format)
	require.Equal(t, exitFindings, r.code, r.stderr)
	return r
}

// startsCommand is what the GitHub Actions runner takes for a workflow
// command: "::" after the line's leading white space, or "##[" anywhere.
var startsCommand = regexp.MustCompile(`(?m)^\s*::|##\[`)

func TestUntrustedValuesInEveryFormat(t *testing.T) {
	inUntrustedFolder(t)
	t.Run("text escapes control characters and starts no line with ::", func(t *testing.T) {
		r := untrustedLint(t, "text")
		assert.Equal(t, `./::add-mask::x.yaml:7:5: HIGH UNTRUSTED-001 note says \x1b[31mred\r\n::error::pwned %0A \u202eevil #\x23[add-mask]x <b> (ConfigMap shop/web)`+"\n"+
			"1 object, 1 finding (1 high), 0 errors.\n", r.stdout)
		assert.NotRegexp(t, startsCommand, r.stdout)
	})
	t.Run("github: a value cannot end its command", func(t *testing.T) {
		r := untrustedLint(t, "github")
		assert.Equal(t, `::error file=%3A%3Aadd-mask%3A%3Ax.yaml,line=7,col=5,title=UNTRUSTED-001 Echo::note says \x1b[31mred%0D%0A::error::pwned %250A \u202eevil #\x23[add-mask]x <b> (ConfigMap shop/web)`+"\n"+
			"1 object, 1 finding (1 high), 0 errors.\n", r.stdout)
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		require.Len(t, lines, 2, "one command, one summary")
		assert.False(t, strings.HasPrefix(lines[1], "::"))
	})
	t.Run("json and sarif keep the value, JSON-escaped", func(t *testing.T) {
		r := untrustedLint(t, "json")
		rep := decodeReport(t, r.stdout)
		require.Len(t, rep.Findings, 1)
		assert.Equal(t, "note says "+hostileNote, rep.Findings[0].Message)
		assert.Contains(t, r.stdout, `"message": "note says \u001b[31mred\r\n::error::pwned %0A `+"\u202e"+`evil ##[add-mask]x <b>"`)
		r = untrustedLint(t, "sarif")
		sarifOf(t, r.stdout)
		assert.Contains(t, r.stdout, `"text": "note says \u001b[31mred\r\n::error::pwned %0A `+"\u202e"+`evil ##[add-mask]x <b>"`)
	})
	t.Run("junit is well-formed XML", func(t *testing.T) {
		r := untrustedLint(t, "junit")
		var doc struct {
			Suites []struct {
				Cases []struct {
					Failures []struct {
						Message string `xml:"message,attr"`
					} `xml:"failure"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		require.NoError(t, xml.Unmarshal([]byte(r.stdout), &doc), r.stdout)
		// ESC cannot be in XML 1.0: encoding/xml writes U+FFFD for it.
		assert.Equal(t, "UNTRUSTED-001: note says \ufffd[31mred\r\n::error::pwned %0A \u202eevil ##[add-mask]x <b>",
			doc.Suites[0].Cases[0].Failures[0].Message)
	})
	t.Run("html escapes by context", func(t *testing.T) {
		r := untrustedLint(t, "html")
		assert.Contains(t, r.stdout, `<td data-sort="note says `)
		assert.Contains(t, r.stdout, "add-mask]x &lt;b&gt;</td>")
		assert.NotContains(t, r.stdout, "x <b>")
	})
}

// rulesOffFolder holds a policy folder whose rule overrides KW-PSS-007, a
// configuration that disables KW-PSS-002, and the privileged Deployment.
func rulesOffFolder(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	deploy, err := os.ReadFile(privilegedFile)
	require.NoError(t, err)
	writeUnder(t, dir, map[string]string{
		"mine/acme.rego": `# METADATA
# title: ACME privileged
# custom:
#   id: ACME-1
#   severity: low
#   profiles: [pss-baseline]
#   overrides: [KW-PSS-007]
package kubeward.rules.acme.privileged

deny contains {"msg": "acme says no"} if false
`,
		".kubeward.yaml": "rules:\n  KW-PSS-002: {enabled: false}\n",
		"deploy.yaml":    string(deploy),
	})
	t.Chdir(dir)
}

func TestRulesOffAreNamedInEveryFormat(t *testing.T) {
	rulesOffFolder(t)
	lint := func(t *testing.T, format string) string {
		t.Helper()
		r := kw(t, "lint", "deploy.yaml", "--policy", "mine", "--profile", "pss-baseline", "--config", ".kubeward.yaml", "--no-cache", "--format", format)
		require.Equal(t, exitClean, r.code, r.stderr)
		return r.stdout
	}
	overridden := "KW-PSS-007 overridden by ACME-1 (mine/acme.rego:1)"
	disabled := "KW-PSS-002 disabled by .kubeward.yaml:2"
	t.Run("text", func(t *testing.T) {
		assert.Equal(t, "1 object, 0 findings, 0 errors; 2 rules off (see below).\n"+
			"note: "+overridden+".\n"+
			"note: "+disabled+".\n", lint(t, "text"))
	})
	t.Run("json", func(t *testing.T) {
		var rep struct {
			Summary struct {
				RulesOff []map[string]any `json:"rulesOff"`
			} `json:"summary"`
		}
		require.NoError(t, json.Unmarshal([]byte(lint(t, "json")), &rep))
		assert.Equal(t, []map[string]any{
			{"reason": "overridden", "count": 1.0, "rules": []any{"KW-PSS-007"}, "by": "ACME-1 (mine/acme.rego:1)", "message": overridden},
			{"reason": "disabled", "count": 1.0, "rules": []any{"KW-PSS-002"}, "by": ".kubeward.yaml:2", "message": disabled},
		}, rep.Summary.RulesOff)
	})
	t.Run("sarif", func(t *testing.T) {
		var rep struct {
			Runs []struct {
				Invocations []struct {
					Notes []struct {
						Level   string `json:"level"`
						Message struct {
							Text string `json:"text"`
						} `json:"message"`
						Descriptor struct {
							ID string `json:"id"`
						} `json:"descriptor"`
					} `json:"toolConfigurationNotifications"`
				} `json:"invocations"`
			} `json:"runs"`
		}
		out := lint(t, "sarif")
		sarifOf(t, out) // valid SARIF 2.1.0, nothing the model does not know
		require.NoError(t, json.Unmarshal([]byte(out), &rep))
		notes := rep.Runs[0].Invocations[0].Notes
		require.Len(t, notes, 2)
		assert.Equal(t, "note", notes[0].Level)
		assert.Equal(t, overridden, notes[0].Message.Text)
		assert.Equal(t, "rules-off/overridden", notes[0].Descriptor.ID)
		assert.Equal(t, disabled, notes[1].Message.Text)
		assert.Equal(t, "rules-off/disabled", notes[1].Descriptor.ID)
	})
	t.Run("github", func(t *testing.T) {
		assert.Equal(t, "::notice title=kubeward%3A rules off::"+overridden+"\n"+
			"::notice title=kubeward%3A rules off::"+disabled+"\n"+
			"1 object, 0 findings, 0 errors; 2 rules off (see below).\n", lint(t, "github"))
	})
	t.Run("junit", func(t *testing.T) {
		assert.Contains(t, lint(t, "junit"), `<testsuite name="(rules off)" tests="0" failures="0" errors="0">
    <properties>
      <property name="rules-off" value="`+overridden+`"></property>
      <property name="rules-off" value="`+disabled+`"></property>
    </properties>
  </testsuite>`)
	})
	t.Run("html", func(t *testing.T) {
		assert.Contains(t, lint(t, "html"), `<section id="rules-off">
<h2>Rules off (2)</h2>
<ul>
<li class="rule-off">`+overridden+`</li>
<li class="rule-off">`+disabled+`</li>
</ul>
</section>`)
	})
	t.Run("--no-builtin", func(t *testing.T) {
		r := kw(t, "lint", "deploy.yaml", "--policy", "mine", "--no-builtin", "--profile", "pss-baseline", "--no-cache")
		// ACME-1 overrides a rule that is not loaded: an error, not a quiet run.
		require.Equal(t, exitError, r.code, r.stdout)
		writeUnder(t, ".", map[string]string{"own/echo.rego": echoRule})
		require.NoError(t, os.Remove(".kubeward.yaml")) // its KW-PSS-002 is not loaded here
		r = kw(t, "lint", "deploy.yaml", "--policy", "own", "--no-builtin", "--no-cache")
		require.Equal(t, exitClean, r.code, r.stderr)
		assert.Regexp(t, `^1 object, 0 findings, 0 errors; \d{3} rules off \(see below\)\.\n`+
			`note: \d{3} bundled rules off: the built-in library was left out by --no-builtin\.\n$`, r.stdout)
	})
}

func TestEmptyPolicyFolderIsAnError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeUnder(t, dir, map[string]string{"empty/only_test.rego": "package x_test\n", "empty/data.yaml": "a: 1\n"})
	folder := filepath.Join(dir, "empty")
	r := kw(t, "lint", privilegedFile, "--policy", folder, "--no-builtin")
	require.Equal(t, exitError, r.code, r.stdout)
	assert.Contains(t, r.stderr, folder+": no policy here: a policy folder needs at least one .rego file besides tests")
}

func TestOutputNeverOverwritesWhatTheRunReads(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	deploy, err := os.ReadFile(privilegedFile)
	require.NoError(t, err)
	writeUnder(t, dir, map[string]string{"deploy.yaml": string(deploy), "cfg/.kubeward.yaml": "failOn: none\n"})
	in := filepath.Join(dir, "deploy.yaml")
	cfg := filepath.Join(dir, "cfg", ".kubeward.yaml")
	link := filepath.Join(dir, "link.yaml")
	require.NoError(t, os.Symlink(in, link))
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"-o the input", []string{"-o", in}, "--output " + in + " would overwrite " + in + ", which is an input of this run"},
		{"-o the input spelled otherwise", []string{"-o", filepath.Join(dir, "cfg", "..", "deploy.yaml")}, "which is an input of this run"},
		{"-o a link to the input", []string{"-o", link}, "--output " + link + " would overwrite " + in},
		{"--write-baseline the input", []string{"--write-baseline", in}, "--write-baseline " + in + " would overwrite " + in},
		{"-o the configuration", []string{"--config", cfg, "-o", cfg}, "which is the configuration of this run"},
		{"-o the baseline", []string{"--baseline", cfg, "-o", cfg}, "which is the --baseline file of this run"},
		{"-o the --write-baseline", []string{"-o", filepath.Join(dir, "b.json"), "--write-baseline", filepath.Join(dir, "b.json")}, "--output and --write-baseline name the same file"},
	} {
		r := kw(t, append([]string{"lint", in, "--no-cache"}, c.args...)...)
		require.Equal(t, exitError, r.code, c.name)
		assert.Contains(t, r.stderr, c.want, c.name)
		assert.Empty(t, r.stdout, c.name)
		after, err := os.ReadFile(in)
		require.NoError(t, err)
		assert.Equal(t, string(deploy), string(after), c.name)
	}
	// Refreshing a baseline in place is what --write-baseline with the same
	// --baseline is for.
	base := filepath.Join(dir, "base.json")
	r := kw(t, "lint", in, "--no-cache", "--profile", "pss-baseline", "--write-baseline", base)
	require.Equal(t, exitFindings, r.code, r.stderr)
	r = kw(t, "lint", in, "--no-cache", "--profile", "pss-baseline", "--write-baseline", base, "--baseline", base)
	require.Equal(t, exitClean, r.code, r.stderr)
}

// unsignedBundle writes an OPA bundle of files (with a manifest) to dir/name.
func unsignedBundle(t *testing.T, dir, name string, manifest string, files map[string]string) string {
	t.Helper()
	a := &bundles.Archive{}
	if manifest != "" {
		a.Files = append(a.Files, bundles.ArchiveFile{Path: ".manifest", Data: []byte(manifest)})
	}
	for p, content := range files {
		a.Files = append(a.Files, bundles.ArchiveFile{Path: p, Data: []byte(content)})
	}
	b, err := a.Bytes()
	require.NoError(t, err)
	out := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(out, b, 0o644))
	return out
}

// wholeLibrary is a bundle that says it replaces the built-in library, and
// whose one rule finds nothing.
const wholeLibrary = `{"revision": "x", "roots": ["kubeward"], "metadata": {"kubeward": {"builtin": false}}}`

func TestUnsignedBundleCannotQuietlyReplaceTheLibrary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	quiet := strings.Replace(echoRule, "profiles: [untrusted]", "profiles: [pss-baseline]", 1)
	b := unsignedBundle(t, dir, "whole.tar.gz", wholeLibrary, map[string]string{"echo.rego": quiet})

	// Named by a configuration file: refused, whatever the file says.
	cfg := filepath.Join(dir, ".kubeward.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("bundles: [whole.tar.gz]\n"), 0o644))
	r := kw(t, "lint", privilegedFile, "--config", cfg, "--no-cache")
	require.Equal(t, exitError, r.code, r.stdout)
	assert.Empty(t, r.stdout)
	assert.Contains(t, r.stderr, b+": bundle verification failed: missing signature (the bundle is not signed, and "+cfg+
		" names it: a bundle named there must be signed and verified with --verification-key, or be loaded with --insecure-skip-verify given on the command line)")
	// --insecure-skip-verify on the command line loads it, and every report
	// says the built-in rules are off and why.
	r = kw(t, "lint", privilegedFile, "--config", cfg, "--no-cache", "--insecure-skip-verify", "--profile", "pss-baseline")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stderr, "kubeward: warning: bundle "+b+" is loaded WITHOUT verification")
	assert.Equal(t, "1 object, 0 findings, 0 errors; 12 rules off (see below).\n"+
		"note: 12 bundled rules off: the built-in library was left out by the manifest of bundle "+b+" (builtin: false).\n", r.stdout)

	// Given with --bundle: loaded with a warning, and the same note.
	r = kw(t, "lint", privilegedFile, "--bundle", b, "--no-cache", "--profile", "pss-baseline", "--format", "json")
	require.Equal(t, exitClean, r.code, r.stderr)
	assert.Contains(t, r.stderr, "kubeward: warning: bundle "+b+" is not signed: its policies are loaded unverified")
	assert.Contains(t, r.stdout, `"message": "12 bundled rules off: the built-in library was left out by the manifest of bundle `+b+` (builtin: false)"`)
}

func TestBundleStaysWithinWhatItOwns(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	acme := strings.Replace(echoRule, "kubeward.rules.untrusted.echo", "kubeward.rules.acme.echo", 1)
	for _, c := range []struct {
		name, manifest string
		files          map[string]string
		want           string
	}{
		{"a package outside the roots", `{"roots": ["kubeward/rules/acme"]}`, map[string]string{"p/echo.rego": echoRule},
			"/p/echo.rego:7: package kubeward.rules.untrusted.echo is outside the roots %s/.manifest declares (kubeward/rules/acme): a bundle may only define what it owns"},
		{"data outside the roots", `{"roots": ["kubeward/rules/acme", "acme"]}`, map[string]string{"p/echo.rego": acme, "other/data.json": `{"x": 1}`},
			"/other/data.json: data data.other is outside the roots %s/.manifest declares (kubeward/rules/acme, acme): a bundle may only define what it owns"},
		{"data at the root outside the roots", `{"roots": ["acme"]}`, map[string]string{"data.json": `{"acme": {}, "kubeward": {"config": {"x": 1}}}`},
			"/data.json: data data.kubeward is outside the roots"},
		{"the built-in library's parameters", `{"roots": ["kubeward", "acme"]}`, map[string]string{"p/echo.rego": acme, "data.json": `{"kubeward": {"config": {"allowedRegistries": ["*"]}}}`},
			"/data.json: data data.kubeward.config.allowedRegistries belongs to the built-in library: a bundle beside it may not set it"},
		{"the engine's data", `{"roots": ["kubeward"]}`, map[string]string{"kubeward/run/data.json": `{"assumeComplete": true}`},
			"/kubeward/run/data.json: data data.kubeward.run belongs to the built-in library"},
		{"a helper package of the built-in library", `{"roots": ["kubeward"]}`, map[string]string{"lib.rego": "package kubeward.lib.pods\n\nextra := 1\n"},
			"/lib.rego:1: package kubeward.lib.pods belongs to the built-in library: a policy beside it may not add to it"},
		{"a built-in rule's package", `{"roots": ["kubeward"]}`, map[string]string{"r.rego": "package kubeward.rules.pss.privileged\n\nextra := 1\n"},
			"/r.rego:1: package kubeward.rules.pss.privileged belongs to the built-in library"},
	} {
		b := unsignedBundle(t, dir, strings.ReplaceAll(c.name, " ", "-")+".tar.gz", c.manifest, c.files)
		r := kw(t, "lint", privilegedFile, "--bundle", b, "--no-cache")
		require.Equal(t, exitError, r.code, c.name)
		want := c.want
		if strings.Contains(want, "%s") {
			want = strings.ReplaceAll(want, "%s", b)
		}
		assert.Contains(t, r.stderr, b+want, c.name)
	}
	// Its own parameters, under its roots, are its to set.
	b := unsignedBundle(t, dir, "fine.tar.gz", `{"roots": ["kubeward/rules/acme", "kubeward/config/acmeThing", "acme"]}`, map[string]string{
		"p/echo.rego": acme, "data.json": `{"acme": {"x": 1}, "kubeward": {"config": {"acmeThing": 2}}}`})
	r := kw(t, "lint", privilegedFile, "--bundle", b, "--no-cache", "--profile", "untrusted")
	require.Equal(t, exitClean, r.code, r.stderr)
	// A --policy folder may not add to the built-in library either.
	writeUnder(t, dir, map[string]string{"shadow/lib.rego": "package kubeward.lib.pods\n\nextra := 1\n"})
	r = kw(t, "lint", privilegedFile, "--policy", filepath.Join(dir, "shadow"), "--no-cache")
	require.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, filepath.Join(dir, "shadow", "lib.rego")+":1: package kubeward.lib.pods belongs to the built-in library")
}

// TestStderrStartsNoWorkflowCommand: errors and warnings printed by the CLI
// quote input too, and standard error is in the CI log as well.
func TestStderrStartsNoWorkflowCommand(t *testing.T) {
	dir, deploy := t.TempDir(), privilegedFileAbs(t)
	writeUnder(t, dir, map[string]string{".kubeward.yaml": "rules:\n  \"X\\n::add-mask::y\": {enabled: false}\n"})
	t.Chdir(dir)
	r := kw(t, "lint", deploy, "--profile", "pss-baseline", "--no-cache", "--config", ".kubeward.yaml")
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.NotRegexp(t, startsCommand, r.stderr)
	assert.Equal(t, `kubeward: warning: .kubeward.yaml:2: rules: no loaded rule has the id X\n::ADD-MASK::Y`+"\n", r.stderr)
	r = kw(t, "lint", deploy, "--no-cache", "--policy", "a\n::error::missing")
	require.Equal(t, exitError, r.code, r.stdout)
	// Errors keep their lines (several errors are one per line); a line that
	// would start a command gets "./" in front.
	assert.Equal(t, "kubeward: a\n./::error::missing: cannot read policy folder: no such file or directory\n", r.stderr)
}

// privilegedFileAbs is privilegedFile from any working folder.
func privilegedFileAbs(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(privilegedFile)
	require.NoError(t, err)
	return abs
}

// TestUntrustedObjectName: an object's name reaches every line about it.
func TestUntrustedObjectName(t *testing.T) {
	dir := t.TempDir()
	writeUnder(t, dir, map[string]string{"p.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: "web\e[31m\r\n::error::pwned%0A"
  namespace: shop
spec:
  containers:
  - name: app
    image: nginx
    securityContext: {privileged: true}
`})
	t.Chdir(dir)
	r := kw(t, "lint", "p.yaml", "--profile", "pss-baseline", "--no-cache")
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Equal(t, `p.yaml:10:23: CRITICAL KW-PSS-007 container "app" sets securityContext.privileged=true; remove it or set it to false. (Pod shop/web\x1b[31m\r\n::error::pwned%0A)`+"\n"+
		"1 object, 1 finding (1 critical), 0 errors.\n", r.stdout)
	r = kw(t, "lint", "p.yaml", "--profile", "pss-baseline", "--no-cache", "--format", "github")
	require.Equal(t, exitFindings, r.code, r.stderr)
	assert.Equal(t, `::error file=p.yaml,line=10,col=23,title=KW-PSS-007 Privileged container::container "app" sets securityContext.privileged=true; remove it or set it to false. (Pod shop/web\x1b[31m%0D%0A::error::pwned%250A)`+"\n"+
		"1 object, 1 finding (1 critical), 0 errors.\n", r.stdout)
}
