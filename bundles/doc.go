// Package bundles builds, signs, verifies, loads, pushes and pulls policy
// bundles in OPA's bundle format: a .tar.gz with a .manifest, Rego files, a
// data.json and, when signed, a .signatures.json holding a JWS over the hash
// of every file. What it writes is what `opa` reads (`opa eval --bundle F
// --verification-key K`, `opa inspect`), because the format, the hashing and
// the token come from OPA's own bundle package.
//
// Verification never parses Rego: the archive is read as bytes, the token and
// every file's hash are checked with OPA's primitives, and only a verified
// bundle's files are handed to engine/policy, which loads them like a --policy
// folder (same contract checks, same capabilities, same compile).
//
// OCI registries are reached through go-containerregistry: it is the one
// library that gives both the client (with the docker config keychain) and an
// in-process registry for tests (pkg/registry), so tests never leave
// 127.0.0.1. oras-go would need a second library for the test registry.
//
// Nothing here prints or exits: callers turn errors into messages.
package bundles
