package bundles_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/keys"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/bundles"
)

// keyPair writes a fresh key pair for alg and returns the parsed private key
// and the public key file.
func keyPair(t testing.TB, alg string) (*bundles.PrivateKey, string) {
	t.Helper()
	priv, pub, err := bundles.Keygen(alg)
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "k.key"), priv, 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "k.pub"), pub, 0o644))
	key, err := bundles.ReadPrivateKey(filepath.Join(dir, "k.key"))
	require.NoError(t, err)
	return key, filepath.Join(dir, "k.pub")
}

func build(t testing.TB, opts bundles.BuildOptions) []byte {
	t.Helper()
	res, err := bundles.Build(context.Background(), opts)
	require.NoError(t, err)
	b, err := res.Archive.Bytes()
	require.NoError(t, err)
	return b
}

// opaRead reads a bundle with OPA's own loader, verifying it with the key.
func opaRead(data []byte, pubFile, alg string) (bundle.Bundle, error) {
	kc, err := keys.NewKeyConfig(pubFile, alg, "")
	if err != nil {
		return bundle.Bundle{}, err
	}
	vc := bundle.NewVerificationConfig(map[string]*bundle.KeyConfig{"default": kc}, "", "", nil)
	return bundle.NewCustomReader(bundle.NewTarballLoaderWithBaseURL(bytes.NewReader(data), "")).
		WithBundleVerificationConfig(vc).
		Read()
}

// TestOPAVerifiesOurSignature: OPA's bundle loader, with signature
// verification on, accepts what we sign and refuses another key.
func TestOPAVerifiesOurSignature(t *testing.T) {
	for _, alg := range []string{"ES256", "ES384", "RS256", "PS256"} {
		t.Run(alg, func(t *testing.T) {
			key, pub := keyPair(t, alg)
			data := build(t, bundles.BuildOptions{Dirs: []string{"../testdata/bundles/acme"}, Revision: "r7", Sign: &bundles.SignOptions{Key: key, Alg: alg}})
			b, err := opaRead(data, pub, alg)
			require.NoError(t, err)
			require.Equal(t, "r7", b.Manifest.Revision)
			require.Len(t, b.Modules, 1)
			require.Equal(t, map[string]any{"teamLabel": "team"}, b.Data["acme"])

			_, otherPub := keyPair(t, alg)
			_, err = opaRead(data, otherPub, alg)
			require.ErrorContains(t, err, "failed to verify JWT signature")
		})
	}
}

// TestOPARefusesTamperedBundle: what our verifier refuses, OPA's refuses too.
func TestOPARefusesTamperedBundle(t *testing.T) {
	key, pub := keyPair(t, "ES256")
	data := build(t, bundles.BuildOptions{Dirs: []string{"../testdata/bundles/acme"}, Sign: &bundles.SignOptions{Key: key}})
	a, err := bundles.ReadArchive(data)
	require.NoError(t, err)
	a.File("acme/team_label.rego").Data = append(a.File("acme/team_label.rego").Data, '\n')
	tampered, err := a.Bytes()
	require.NoError(t, err)
	_, err = opaRead(tampered, pub, "ES256")
	require.ErrorContains(t, err, "digest mismatch")
	pk, pem, err := bundles.ReadPublicKey(pub)
	require.NoError(t, err)
	var ve *bundles.VerifyError
	require.ErrorAs(t, bundles.Verify(a, pk, pem), &ve)
	require.Equal(t, bundles.ReasonFileChanged, ve.Reason)
	require.Equal(t, "acme/team_label.rego", ve.File)
}

// TestOPABinaryAcceptsOurBundle runs the opa binary, when there is one on
// PATH: `opa inspect`, and `opa build` with --verification-key (which
// verifies its input bundle).
func TestOPABinaryAcceptsOurBundle(t *testing.T) {
	opa, err := exec.LookPath("opa")
	if err != nil {
		t.Skip("no opa binary on PATH: skipping opa inspect (the Go test above uses OPA's bundle package instead)")
	}
	key, pub := keyPair(t, "ES256")
	data := build(t, bundles.BuildOptions{Dirs: []string{"../testdata/bundles/acme"}, Revision: "r1", Sign: &bundles.SignOptions{Key: key}})
	dir := t.TempDir()
	file := filepath.Join(dir, "acme.tar.gz")
	require.NoError(t, os.WriteFile(file, data, 0o644))
	out, err := exec.Command(opa, "inspect", file).CombinedOutput()
	require.NoError(t, err, string(out))
	require.Contains(t, string(out), "data.kubeward.rules.acme.team_label")
	out, err = exec.Command(opa, "build", "-b", file, "--verification-key", pub, "--signing-alg", "ES256", "-o", filepath.Join(dir, "out.tar.gz")).CombinedOutput()
	require.NoError(t, err, string(out))
	_, otherPub := keyPair(t, "ES256")
	out, err = exec.Command(opa, "build", "-b", file, "--verification-key", otherPub, "--signing-alg", "ES256", "-o", filepath.Join(dir, "out2.tar.gz")).CombinedOutput()
	require.Error(t, err)
	require.Contains(t, string(out), "failed to verify JWT signature")

	// And the other way: a bundle opa builds and signs, kubeward verifies.
	keyFile := filepath.Join(dir, "k.key")
	require.NoError(t, os.WriteFile(keyFile, []byte(key.PEM), 0o600))
	opaBuilt := filepath.Join(dir, "opa.tar.gz")
	src, err := filepath.Abs("../testdata/bundles/acme")
	require.NoError(t, err)
	out, err = exec.Command(opa, "build", "-b", src, "--signing-key", keyFile, "--signing-alg", "ES256", "-o", opaBuilt).CombinedOutput()
	require.NoError(t, err, string(out))
	raw, err := os.ReadFile(opaBuilt)
	require.NoError(t, err)
	a, err := bundles.ReadArchive(raw)
	require.NoError(t, err)
	pk, pem, err := bundles.ReadPublicKey(pub)
	require.NoError(t, err)
	require.NoError(t, bundles.Verify(a, pk, pem))
}

func TestReadArchiveRefusesEscapes(t *testing.T) {
	for _, name := range []string{"../x.rego", "a/../../x.rego"} {
		a := &bundles.Archive{Files: []bundles.ArchiveFile{{Path: name, Data: []byte("x")}}}
		b, err := a.Bytes()
		require.NoError(t, err)
		_, err = bundles.ReadArchive(b)
		require.ErrorContains(t, err, "points outside the bundle")
	}
	_, err := bundles.ReadArchive([]byte("not gzip"))
	require.ErrorContains(t, err, "not a bundle (.tar.gz)")
}

// BenchmarkVerify measures what lint pays before loading a signed bundle of
// the whole built-in library (183 rules): reading the archive, checking the
// token, hashing every file.
func BenchmarkVerify(b *testing.B) {
	key, pubFile := keyPair(b, "ES256")
	data := build(b, bundles.BuildOptions{Dirs: []string{"../policies"}, SkipTests: true, NoBuiltin: true, Sign: &bundles.SignOptions{Key: key}})
	pub, pem, err := bundles.ReadPublicKey(pubFile)
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		a, err := bundles.ReadArchive(data)
		if err != nil {
			b.Fatal(err)
		}
		if err := bundles.Verify(a, pub, pem); err != nil {
			b.Fatal(err)
		}
	}
}
