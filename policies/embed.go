// Package policies holds kubeward's bundled Rego library, embedded into the
// binary: one rule per file under <group>/, shared helpers under lib/, rule
// parameters' defaults in data.yaml.
package policies

import "embed"

// FS is the bundled library. Tests (_test.rego) are embedded too, so that
// `kubeward test` can run them from the binary.
//
//go:embed data.yaml kinds.yaml index.json */*.rego
var FS embed.FS
