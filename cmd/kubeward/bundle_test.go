package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/registry"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/bundles"
)

// Bundle fixtures live in testdata/bundles:
//   - acme/: one rule (ACME-001, profile acme: a Deployment without the label
//     data.acme.teamLabel names), its passing tests, and data.yaml.
//   - failing/: the same rule with a test that fails.
//   - deploy.yaml: a Deployment without the team label (ACME-001 fires).

func bundleFixture(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata", "bundles"}, parts...)...)
}

// keygen writes a key pair for alg under dir and returns the two paths.
func keygen(t *testing.T, dir, alg string) (priv, pub string) {
	t.Helper()
	prefix := filepath.Join(dir, strings.ToLower(alg))
	r := kw(t, "bundle", "keygen", "--alg", alg, "-o", prefix)
	require.Equal(t, 0, r.code, r.stderr)
	return prefix + ".key", prefix + ".pub"
}

// buildAcme builds the acme fixture into dir/name, signed when key is set.
func buildAcme(t *testing.T, dir, name string, sign ...string) string {
	t.Helper()
	out := filepath.Join(dir, name)
	args := append([]string{"bundle", "build", bundleFixture("acme"), "-o", out, "--revision", "r1"}, sign...)
	r := kw(t, args...)
	require.Equal(t, 0, r.code, r.stderr)
	require.Contains(t, r.stdout, "1 rules")
	require.Contains(t, r.stdout, "2 tests passed")
	return out
}

func TestBundleKeygenWritesPrivateKeyForOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	priv, pub := keygen(t, dir, "ES384")
	info, err := os.Stat(priv)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	b, err := os.ReadFile(pub)
	require.NoError(t, err)
	require.Contains(t, string(b), "-----BEGIN PUBLIC KEY-----")
	r := kw(t, "bundle", "keygen", "-o", filepath.Join(dir, "es384"))
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "already exists")
	r = kw(t, "bundle", "keygen", "--alg", "HS256", "-o", filepath.Join(dir, "x"))
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, `unknown --alg "HS256"`)
}

func TestBundleBuildSignVerifyRoundTrip(t *testing.T) {
	for _, alg := range []string{"ES256", "RS256", "PS256"} {
		t.Run(alg, func(t *testing.T) {
			dir := t.TempDir()
			priv, pub := keygen(t, dir, alg)
			// Signed at build time.
			signed := buildAcme(t, dir, "signed.tar.gz", "--signing-key", priv, "--signing-alg", alg)
			r := kw(t, "bundle", "verify", signed, "--verification-key", pub)
			require.Equal(t, 0, r.code, r.stderr)
			require.Contains(t, r.stdout, "valid signature, 3 files verified")
			a := readBundle(t, signed)
			require.Equal(t, alg, tokenHeaderAlg(t, a))

			// Signed afterwards, into another file.
			unsigned := buildAcme(t, dir, "unsigned.tar.gz")
			out := filepath.Join(dir, "resigned.tar.gz")
			r = kw(t, "bundle", "sign", unsigned, "--signing-key", priv, "--signing-alg", alg, "-o", out)
			require.Equal(t, 0, r.code, r.stderr)
			r = kw(t, "bundle", "verify", out, "--verification-key", pub)
			require.Equal(t, 0, r.code, r.stderr)
		})
	}
}

func TestBundleSigningAlgMustFitTheKey(t *testing.T) {
	dir := t.TempDir()
	priv, _ := keygen(t, dir, "ES256")
	r := kw(t, "bundle", "build", bundleFixture("acme"), "-o", filepath.Join(dir, "b.tar.gz"), "--signing-key", priv, "--signing-alg", "RS256")
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "--signing-alg RS256 does not fit this key (it signs with ES256)")
}

func readBundle(t *testing.T, file string) *bundles.Archive {
	t.Helper()
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	a, err := bundles.ReadArchive(b)
	require.NoError(t, err)
	return a
}

func writeBundle(t *testing.T, file string, a *bundles.Archive) {
	t.Helper()
	b, err := a.Bytes()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, b, 0o644))
}

func tokenHeaderAlg(t *testing.T, a *bundles.Archive) string {
	t.Helper()
	f := a.File(bundles.SignaturesFile)
	require.NotNil(t, f)
	var sc struct{ Signatures []string }
	require.NoError(t, json.Unmarshal(f.Data, &sc))
	require.Len(t, sc.Signatures, 1)
	hdr, _, _ := strings.Cut(sc.Signatures[0], ".")
	b, err := base64.RawURLEncoding.DecodeString(hdr)
	require.NoError(t, err)
	var h struct{ Alg, Kid string }
	require.NoError(t, json.Unmarshal(b, &h))
	require.Equal(t, "default", h.Kid, "OPA's default key id, so opa needs no --verification-key-id")
	return h.Alg
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// TestBundleVerifyRefusesTampering: every way a signed bundle can be altered
// is refused with exit 2, the reason, and the file.
func TestBundleVerifyRefusesTampering(t *testing.T) {
	dir := t.TempDir()
	priv, pub := keygen(t, dir, "ES256")
	_, otherPub := keygen(t, dir, "ES384")
	_, otherES256 := keygen(t, t.TempDir(), "ES256")
	signed := buildAcme(t, dir, "signed.tar.gz", "--signing-key", priv)
	rule := "acme/team_label.rego"

	cases := []struct {
		name   string
		tamper func(a *bundles.Archive)
		key    string
		want   []string
	}{
		{"file added", func(a *bundles.Archive) {
			a.Files = append(a.Files, bundles.ArchiveFile{Path: "acme/extra.rego", Data: []byte("package kubeward.rules.acme.extra\n")})
		}, pub, []string{"file added: acme/extra.rego"}},
		{"file removed", func(a *bundles.Archive) {
			var keep []bundles.ArchiveFile
			for _, f := range a.Files {
				if f.Path != rule {
					keep = append(keep, f)
				}
			}
			a.Files = keep
		}, pub, []string{"file removed: " + rule}},
		{"file changed", func(a *bundles.Archive) {
			f := a.File(rule)
			f.Data = []byte(strings.Replace(string(f.Data), "not input.metadata.labels", "false; not input.metadata.labels", 1))
		}, pub, []string{"file changed: " + rule}},
		{"data changed", func(a *bundles.Archive) {
			a.File("data.json").Data = []byte(`{"acme":{"teamLabel":"owner"}}`)
		}, pub, []string{"file changed: data.json"}},
		{"signature missing", func(a *bundles.Archive) {
			var keep []bundles.ArchiveFile
			for _, f := range a.Files {
				if f.Path != bundles.SignaturesFile {
					keep = append(keep, f)
				}
			}
			a.Files = keep
		}, pub, []string{"missing signature"}},
		{"wrong key, same algorithm", func(*bundles.Archive) {}, otherES256, []string{"wrong key", "does not match this public key"}},
		{"wrong key, other algorithm", func(*bundles.Archive) {}, otherPub, []string{"wrong key", "signed with ES256, which this key cannot verify"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := readBundle(t, signed)
			c.tamper(a)
			file := filepath.Join(t.TempDir(), "tampered.tar.gz")
			writeBundle(t, file, a)
			r := kw(t, "bundle", "verify", file, "--verification-key", c.key)
			require.Equal(t, 2, r.code, r.stdout)
			for _, w := range c.want {
				require.Contains(t, r.stderr, w)
			}
			require.Contains(t, r.stderr, "bundle verification failed")
			// lint refuses it the same way, before evaluating anything.
			r = kw(t, "lint", "--bundle", file, "--verification-key", c.key, "--profile", "acme", bundleFixture("deploy.yaml"))
			require.Equal(t, 2, r.code)
			require.Empty(t, r.stdout)
			for _, w := range c.want {
				require.Contains(t, r.stderr, w)
			}
		})
	}
	t.Run("public key given as signing key", func(t *testing.T) {
		r := kw(t, "bundle", "sign", signed, "--signing-key", pub)
		require.Equal(t, 2, r.code)
		require.Contains(t, r.stderr, "is a public key: signing needs the private key")
	})
}

func TestBundleBuildRunsTheTests(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "b.tar.gz")
	r := kw(t, "bundle", "build", bundleFixture("failing"), "-o", out)
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "1 Rego test(s) failed, bundle not built")
	require.Contains(t, r.stderr, "team_label_test.rego:6: kubeward.rules.acme.team_label_test.test_wrong_expectation: failed")
	require.NoFileExists(t, out)

	r = kw(t, "bundle", "build", bundleFixture("failing"), "-o", out, "--skip-tests")
	require.Equal(t, 0, r.code, r.stderr)
	require.Contains(t, r.stdout, "tests skipped")
	a := readBundle(t, out)
	var paths []string
	for _, f := range a.Files {
		paths = append(paths, f.Path)
	}
	require.ElementsMatch(t, []string{"data.json", "failing/team_label.rego", ".manifest"}, paths)
	require.JSONEq(t, `{"revision":"","roots":["acme","kubeward"],"rego_version":1}`, string(a.File(".manifest").Data))
}

func TestLintBundleFindsItsRuleViolation(t *testing.T) {
	dir := t.TempDir()
	priv, pub := keygen(t, dir, "ES256")
	signed := buildAcme(t, dir, "signed.tar.gz", "--signing-key", priv)
	unsigned := buildAcme(t, dir, "unsigned.tar.gz")
	deploy := bundleFixture("deploy.yaml")
	want := deploy + `:3:1: HIGH ACME-001 Deployment "web" has no "team" label (Deployment shop/web)`

	r := kw(t, "lint", "--bundle", signed, "--verification-key", pub, "--profile", "acme", deploy)
	require.Equal(t, 1, r.code, r.stderr)
	require.Contains(t, r.stdout, want)
	require.Empty(t, r.stderr)

	// Beside the built-in library by default: its rules still run.
	r = kw(t, "lint", "--bundle", signed, "--verification-key", pub, "--format", "json", deploy)
	require.Equal(t, 1, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	require.Len(t, findingsOf(rep, "ACME-001"), 1)
	require.Greater(t, len(rep.Findings), 1)
	// --no-builtin: only the bundle's rules.
	r = kw(t, "lint", "--bundle", signed, "--verification-key", pub, "--no-builtin", "--format", "json", deploy)
	require.Equal(t, 1, r.code, r.stderr)
	rep = decodeReport(t, r.stdout)
	require.Len(t, rep.Findings, 1)
	require.Equal(t, "ACME-001", rep.Findings[0].Rule.ID)

	// Unsigned bundle without a key: loaded like a --policy folder.
	r = kw(t, "lint", "--bundle", unsigned, "--profile", "acme", deploy)
	require.Equal(t, 1, r.code, r.stderr)
	require.Contains(t, r.stdout, want)

	// Unsigned bundle, key given: refused.
	r = kw(t, "lint", "--bundle", unsigned, "--verification-key", pub, "--profile", "acme", deploy)
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "missing signature")
	require.Contains(t, r.stderr, "a verification key was given but the bundle is not signed")

	// Signed bundle, no key: refused…
	r = kw(t, "lint", "--bundle", signed, "--profile", "acme", deploy)
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "is signed but no --verification-key was given")
	// …unless --insecure-skip-verify, with a warning.
	r = kw(t, "lint", "--bundle", signed, "--insecure-skip-verify", "--profile", "acme", deploy)
	require.Equal(t, 1, r.code, r.stderr)
	require.Contains(t, r.stdout, want)
	require.Contains(t, r.stderr, "kubeward: warning: bundle "+signed+" is loaded WITHOUT verification")

	// The private key is not a verification key.
	r = kw(t, "lint", "--bundle", signed, "--verification-key", priv, "--profile", "acme", deploy)
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "is a private key: verification takes the public key")

	// A key without a bundle is a usage error.
	r = kw(t, "lint", "--verification-key", pub, deploy)
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "apply to --bundle")
}

// TestLintBundleNoBuiltinFromManifest: a bundle built with --no-builtin is a
// whole library; lint leaves the built-in library out for it.
func TestLintBundleNoBuiltinFromManifest(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "whole.tar.gz")
	r := kw(t, "bundle", "build", bundleFixture("acme"), "-o", out, "--no-builtin")
	require.Equal(t, 0, r.code, r.stderr)
	r = kw(t, "lint", "--bundle", out, "--format", "json", bundleFixture("deploy.yaml"))
	require.Equal(t, 1, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	require.Len(t, rep.Findings, 1)
	require.Equal(t, "ACME-001", rep.Findings[0].Rule.ID)
}

// startRegistry runs an in-process OCI registry on 127.0.0.1 and isolates
// the docker config and the bundle cache.
func startRegistry(t *testing.T) (host, cache string) {
	t.Helper()
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	t.Cleanup(srv.Close)
	t.Setenv("DOCKER_CONFIG", t.TempDir())
	cache = t.TempDir()
	t.Setenv("KUBEWARD_CACHE_DIR", cache)
	return strings.TrimPrefix(srv.URL, "http://"), cache
}

func TestBundlePushPullRoundTrip(t *testing.T) {
	host, cache := startRegistry(t)
	dir := t.TempDir()
	priv, pub := keygen(t, dir, "ES256")
	signed := buildAcme(t, dir, "signed.tar.gz", "--signing-key", priv)
	ref := "oci://" + host + "/policies/acme:v1"

	r := kw(t, "bundle", "push", signed, ref)
	require.Equal(t, 0, r.code, r.stderr)
	require.Contains(t, r.stdout, "@sha256:")

	pulled := filepath.Join(dir, "pulled.tar.gz")
	r = kw(t, "bundle", "pull", ref, "-o", pulled)
	require.Equal(t, 0, r.code, r.stderr)
	orig, err := os.ReadFile(signed)
	require.NoError(t, err)
	got, err := os.ReadFile(pulled)
	require.NoError(t, err)
	require.Equal(t, orig, got, "the pulled bundle is byte for byte the pushed one")
	digest := "sha256:" + sha256Hex(orig)
	require.Contains(t, r.stdout, "("+digest+")")

	r = kw(t, "bundle", "verify", pulled, "--verification-key", pub)
	require.Equal(t, 0, r.code, r.stderr)

	// lint --bundle oci://… pulls into the cache, by digest, and verifies.
	r = kw(t, "lint", "--bundle", ref, "--verification-key", pub, "--profile", "acme", bundleFixture("deploy.yaml"))
	require.Equal(t, 1, r.code, r.stderr)
	require.Contains(t, r.stdout, "ACME-001")
	cached := filepath.Join(cache, "sha256-"+sha256Hex(orig)+".tar.gz")
	require.FileExists(t, cached)

	// A tampered cache entry is never used: it does not match its digest.
	require.NoError(t, os.WriteFile(cached, []byte("tampered"), 0o644))
	r = kw(t, "lint", "--bundle", ref, "--verification-key", pub, "--profile", "acme", bundleFixture("deploy.yaml"))
	require.Equal(t, 1, r.code, r.stderr)
	b, err := os.ReadFile(cached)
	require.NoError(t, err)
	require.Equal(t, orig, b, "the bad cache entry was replaced")

	// Missing tag, not a bundle reference.
	r = kw(t, "bundle", "pull", "oci://"+host+"/policies/acme:nope", "-o", filepath.Join(dir, "x.tar.gz"))
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "pulling oci://"+host+"/policies/acme:nope")
	r = kw(t, "bundle", "push", signed, host+"/policies/acme:v1")
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "is not a registry reference")
}

// TestBundlePushUsesDockerConfigCredentials: a registry that wants a
// password gets the one in $DOCKER_CONFIG/config.json, and nothing without it.
func TestBundlePushUsesDockerConfigCredentials(t *testing.T) {
	reg := registry.New(registry.Logger(log.New(io.Discard, "", 0)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "ci" || p != "s3cret" {
			w.Header().Set("WWW-Authenticate", `Basic realm="test"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		reg.ServeHTTP(w, r)
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	dockerConfig := t.TempDir()
	t.Setenv("DOCKER_CONFIG", dockerConfig)
	dir := t.TempDir()
	unsigned := buildAcme(t, dir, "acme.tar.gz")
	ref := "oci://" + host + "/policies/acme:v1"

	r := kw(t, "bundle", "push", unsigned, ref)
	require.Equal(t, 2, r.code)
	require.Contains(t, r.stderr, "pushing to "+ref)

	auth := base64.StdEncoding.EncodeToString([]byte("ci:s3cret"))
	cfg := `{"auths":{"` + host + `":{"auth":"` + auth + `"}}}`
	require.NoError(t, os.WriteFile(filepath.Join(dockerConfig, "config.json"), []byte(cfg), 0o600))
	r = kw(t, "bundle", "push", unsigned, ref)
	require.Equal(t, 0, r.code, r.stderr)
	r = kw(t, "bundle", "pull", ref, "-o", filepath.Join(dir, "pulled.tar.gz"))
	require.Equal(t, 0, r.code, r.stderr)
}

// TestRulesAndExplainReadBundles: the rules of a verified bundle are listed
// and explained like the library's; a tampered or unverified one is refused.
func TestRulesAndExplainReadBundles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	priv, pub := keygen(t, dir, "ES256")
	signed := buildAcme(t, dir, "signed.tar.gz", "--signing-key", priv)

	r := kw(t, "rules", "--bundle", signed, "--verification-key", pub, "--no-builtin")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "ACME-001")
	assert.Contains(t, r.stdout, "1 rules\n")

	r = kw(t, "rules", "--bundle", signed, "--verification-key", pub)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "ACME-001")
	assert.Contains(t, r.stdout, "KW-PSS-007")

	r = kw(t, "explain", "ACME-001", "--bundle", signed, "--verification-key", pub)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "ACME-001")

	// Unsigned with a key given: refused before anything is listed.
	unsigned := buildAcme(t, dir, "unsigned.tar.gz")
	r = kw(t, "rules", "--bundle", unsigned, "--verification-key", pub)
	assert.Equal(t, exitError, r.code)
	assert.Empty(t, r.stdout)
	r = kw(t, "explain", "ACME-001")
	assert.Equal(t, exitError, r.code, "without the bundle the rule is unknown")
}
