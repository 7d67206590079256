// Package fastyaml parses the block-style YAML that Kubernetes manifests and
// Helm output are written in straight into the yaml.Node trees that
// go.yaml.in/yaml/v3 builds, or declines.
//
// It exists because yaml.v3 is a general YAML 1.1/1.2 processor: its
// scanner, token queue and event-driven tree building were 13–17% of the CPU
// of a 10k-object lint and over half of a --parse-only run, plus the garbage
// they leave. Manifests use a small part of YAML; a line-oriented
// recursive descent over that part does the same work in a fraction of the
// time. It is hand-written rather than another YAML library because the
// rest of engine/load is built on yaml.v3's Node (positions, merge keys,
// error messages): it reuses that type, so nothing downstream changes, and
// another library would still need its output converted.
//
// Parse never reports errors. Anything outside the subset it knows (anchors,
// aliases, tags, complex keys, multi-line plain or quoted scalars, tabs, CR,
// multi-line flow collections, explicit block-scalar indentation, unusual
// characters, malformed text) makes it return ok=false, and the caller
// parses that chunk with yaml.v3 as before: every error message, and every
// construct whose meaning is subtle, stays yaml.v3's.
package fastyaml
