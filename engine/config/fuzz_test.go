package config

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"

	"github.com/kubeward/kubeward/engine/confine"
)

// FuzzParse feeds arbitrary bytes to the configuration parser: it must never
// panic, and every error must name the file (and a line when it has one).
func FuzzParse(f *testing.F) {
	f.Add([]byte("profile: pss-restricted\nfailOn: high\n"))
	f.Add([]byte(`rules:
  KW-POD-001: {enabled: false}
  KW-PSS-007: {severity: medium}
parameters:
  allowedRegistries: [ghcr.io/acme]
exclude: ["charts/**"]
exceptions:
  - rules: [KW-PSS-007, "KW-NET-*"]
    namespace: "legacy-*"
    kind: Deployment
    name: "web-*"
    selector: {matchLabels: {team: payments}, matchExpressions: [{key: tier, operator: In, values: [a]}]}
    files: ["charts/legacy/**"]
    reason: moves in Q1
    expires: 2027-03-31
`))
	f.Add([]byte("exceptions: [{rules: [\"[\"], reason: x, expires: nope}]\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("rules: {X: {severity: [1]}}\nunknown: 1\n"))
	f.Add([]byte("\t- :\n"))
	f.Fuzz(func(t *testing.T, content []byte) {
		cfg, err := Parse("dir/.kubeward.yaml", content)
		if err != nil {
			var one *Error
			var many Errors
			switch {
			case errors.As(err, &many):
				for _, e := range many {
					if e.File != "dir/.kubeward.yaml" {
						t.Fatalf("error without the file: %v", e)
					}
				}
			case errors.As(err, &one):
				if one.File != "dir/.kubeward.yaml" {
					t.Fatalf("error without the file: %v", one)
				}
			default:
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		// What parsed must be usable.
		cfg.Disabled()
		cfg.Excluded("dir/charts/legacy/x.yaml")
	})
}

// FuzzConfigPaths gives policies:, bundles: and exclude: arbitrary entries:
// parsing must not panic, and no policy or bundle path it keeps may leave
// the repository (the configuration's folder, for Parse).
func FuzzConfigPaths(f *testing.F) {
	for _, seed := range [][3]string{
		{"policies", "b.tar.gz", "charts/**"},
		{"/etc", "../x.tar.gz", "../**"},
		{"../../outside", "/abs/b.tar.gz", "/etc/**"},
		{"a/../../b", "oci://r.example/p:1", "**"},
		{"./a/./../..", "a/..", "["},
		{`..\..\win`, `C:\b.tar.gz`, `\\server\share`},
		{"a\x00b", "~/b", "."},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, policy, bundle, exclude string) {
		content, err := yaml.Marshal(map[string][]string{
			"policies": {policy, "ok/" + policy},
			"bundles":  {bundle},
			"exclude":  {exclude},
		})
		if err != nil {
			return
		}
		const file = "repo/sub/.kubeward.yaml"
		cfg, err := Parse(file, content)
		if err != nil {
			return // a bad glob, an empty entry: errors named in the file
		}
		root, err := filepath.Abs(filepath.Dir(file))
		if err != nil {
			t.Skip(err)
		}
		kept := append(append([]string(nil), cfg.Policies...), cfg.Bundles...)
		for _, p := range kept {
			if strings.Contains(p, "://") {
				continue
			}
			abs, err := filepath.Abs(p)
			if err != nil || !confine.Within(root, abs) {
				t.Fatalf("%q resolved to %q, outside %s", p, abs, root)
			}
		}
		if len(kept)+len(cfg.Refused) != 3 {
			t.Fatalf("3 paths given, %d kept and %d refused: one dropped silently", len(kept), len(cfg.Refused))
		}
		for _, e := range cfg.Refused {
			if e.File != file || e.Line == 0 {
				t.Fatalf("refusal without its file and line: %v", e)
			}
		}
		cfg.Excluded("repo/sub/x.yaml")
	})
}
