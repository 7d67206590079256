package bundles

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func writePEM(t *testing.T, dir, name, typ string, der []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600))
	return p
}

// TestKeyEncodings: SEC 1 EC and PKCS#1 RSA private keys, and PKCS#1 RSA
// public keys, sign and verify as well as the PKCS#8/PKIX ones keygen writes.
func TestKeyEncodings(t *testing.T) {
	dir := t.TempDir()
	ec, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	require.NoError(t, err)
	ecDER, err := x509.MarshalECPrivateKey(ec)
	require.NoError(t, err)
	ecPubDER, err := x509.MarshalPKIXPublicKey(&ec.PublicKey)
	require.NoError(t, err)
	rk, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)

	cases := []struct {
		name, priv, pub, alg string
	}{
		{"EC P-384 SEC 1", writePEM(t, dir, "ec.key", "EC PRIVATE KEY", ecDER), writePEM(t, dir, "ec.pub", "PUBLIC KEY", ecPubDER), "ES384"},
		{"RSA PKCS#1", writePEM(t, dir, "rsa.key", "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(rk)), writePEM(t, dir, "rsa.pub", "RSA PUBLIC KEY", x509.MarshalPKCS1PublicKey(&rk.PublicKey)), "PS384"},
	}
	a := &Archive{Files: []ArchiveFile{{Path: "x/a.rego", Data: []byte("package a\n")}, {Path: "data.json", Data: []byte(`{"a": 1}`)}}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			key, err := ReadPrivateKey(c.priv)
			require.NoError(t, err)
			alg, err := SigningAlg(key, "")
			require.NoError(t, err)
			if c.alg == "ES384" {
				require.Equal(t, "ES384", alg, "an EC key's curve fixes its algorithm")
			}
			signed, err := Sign(a, SignOptions{Key: key, Alg: c.alg})
			require.NoError(t, err)
			pub, pubPEM, err := ReadPublicKey(c.pub)
			require.NoError(t, err)
			require.NoError(t, Verify(signed, pub, pubPEM))
			// Data files are hashed by value: reformatting is not a change.
			signed.File("data.json").Data = []byte("{\n  \"a\": 1\n}\n")
			require.NoError(t, Verify(signed, pub, pubPEM))
		})
	}
	// openssl may write text before the block; it must not matter.
	ecPEM, err := os.ReadFile(filepath.Join(dir, "ec.key"))
	require.NoError(t, err)
	withPreamble := filepath.Join(dir, "preamble.key")
	require.NoError(t, os.WriteFile(withPreamble, append([]byte("Bag Attributes\n    localKeyID: 01\n"), ecPEM...), 0o600))
	key, err := ReadPrivateKey(withPreamble)
	require.NoError(t, err)
	signed, err := Sign(a, SignOptions{Key: key})
	require.NoError(t, err)
	pub, pubPEM, err := ReadPublicKey(filepath.Join(dir, "ec.pub"))
	require.NoError(t, err)
	require.NoError(t, Verify(signed, pub, pubPEM))

	_, err = ReadPrivateKey(filepath.Join(dir, "missing.key"))
	require.ErrorContains(t, err, "reading key")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "junk"), []byte("not a key"), 0o600))
	_, _, err = ReadPublicKey(filepath.Join(dir, "junk"))
	require.ErrorContains(t, err, "not a PEM file")
}
