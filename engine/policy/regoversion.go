package policy

import (
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// RegoVersions are the Rego versions a user's policies may be written in
// (--rego-version, regoVersion: in .kubeward.yaml).
var RegoVersions = []string{"v0", "v1"}

// ParseRegoVersion reads a Rego version as conftest and OPA's CLI write it
// ("v0", "v1"); "" is v1, OPA v1's default.
func ParseRegoVersion(s string) (ast.RegoVersion, error) {
	switch strings.ToLower(s) {
	case "", "v1":
		return ast.RegoV1, nil
	case "v0":
		return ast.RegoV0, nil
	}
	return ast.RegoUndefined, fmt.Errorf("unknown Rego version %q (one of %s)", s, strings.Join(RegoVersions, ", "))
}

// RegoVersionName is v's name as ParseRegoVersion reads it.
func RegoVersionName(v ast.RegoVersion) string {
	if v == ast.RegoV0 || v == ast.RegoV0CompatV1 {
		return "v0"
	}
	return "v1"
}

// versionOf is the Rego version a file is parsed in: the bundled library is
// v1 whatever the user's policies are written in; a file that says nothing
// takes the run's version, v1 by default.
func versionOf(f File, def ast.RegoVersion) ast.RegoVersion {
	switch {
	case f.Bundled:
		return ast.RegoV1
	case f.RegoVersion != ast.RegoUndefined:
		return f.RegoVersion
	case def != ast.RegoUndefined:
		return def
	}
	return ast.RegoV1
}

// versionHint says, for a file that fails to parse in version v, whether it
// parses in the other version: a conftest or OPA 0.x policy loaded as v1 (or
// the reverse) is then told which flag it needs, instead of only where the
// first v1 keyword is missing.
func versionHint(f File, v ast.RegoVersion) string {
	other := ast.RegoV0
	if v == ast.RegoV0 || v == ast.RegoV0CompatV1 {
		other = ast.RegoV1
	}
	if _, err := ast.ParseModuleWithOpts(f.Name, string(f.Content), ast.ParserOptions{RegoVersion: other}); err != nil {
		return ""
	}
	if f.RootsOf != "" {
		// A bundle's version is its manifest's, not the run's.
		return fmt.Sprintf("the file is Rego %s but %s says %s: build the bundle with kubeward bundle build --rego-version %s",
			RegoVersionName(other), f.RootsOf, RegoVersionName(v), RegoVersionName(other))
	}
	if other == ast.RegoV0 {
		return "the file is Rego v0 (OPA 0.x, older conftest policies): pass --rego-version v0 (regoVersion: v0 in .kubeward.yaml) to load it as written, or move it to v1 with `opa fmt --v0-v1`"
	}
	return "the file is Rego v1 but v0 was asked for (--rego-version v0): load it without --rego-version v0, or add `import rego.v1` to it"
}
