package config

import (
	"errors"
	"testing"
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
