package bundles

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"strings"
)

// SigningAlgs are the algorithms bundles may be signed with. HMAC is left
// out on purpose: a shared secret would have to be given to every verifier.
var SigningAlgs = []string{"ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}

// KeygenAlgs are the algorithms `bundle keygen` makes keys for.
var KeygenAlgs = []string{"ES256", "ES384", "RS256", "PS256"}

// readPEM reads a PEM file and returns its first block.
func readPEM(file string) ([]byte, *pem.Block, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, fmt.Errorf("reading key: %w", err)
	}
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, nil, fmt.Errorf("%s: not a PEM file (expected -----BEGIN … KEY-----)", file)
	}
	return b, block, nil
}

// PrivateKey is a parsed signing key with the PEM text OPA's signer reads.
type PrivateKey struct {
	Key crypto.Signer
	PEM string
}

// ReadPrivateKey reads a PEM private key: EC (SEC 1 or PKCS#8) or RSA (PKCS#1
// or PKCS#8).
func ReadPrivateKey(file string) (*PrivateKey, error) {
	_, block, err := readPEM(file)
	if err != nil {
		return nil, err
	}
	var key any
	switch block.Type {
	case "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(block.Bytes)
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "PUBLIC KEY", "RSA PUBLIC KEY":
		return nil, fmt.Errorf("%s is a public key: signing needs the private key", file)
	default:
		return nil, fmt.Errorf("%s: unsupported PEM block %q (want EC PRIVATE KEY, RSA PRIVATE KEY or PRIVATE KEY)", file, block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: invalid private key: %w", file, err)
	}
	// Only the key's block is handed on: OPA's signer takes text that does not
	// start with "-----BEGIN" for a file name (openssl may write a preamble).
	text := string(pem.EncodeToMemory(block))
	switch k := key.(type) {
	case *ecdsa.PrivateKey:
		return &PrivateKey{Key: k, PEM: text}, nil
	case *rsa.PrivateKey:
		return &PrivateKey{Key: k, PEM: text}, nil
	}
	return nil, fmt.Errorf("%s: unsupported key type %T (want EC P-256/P-384/P-521 or RSA)", file, key)
}

// ReadPublicKey reads a PEM public key (PKIX, or PKCS#1 for RSA) and returns
// it with its PEM text.
func ReadPublicKey(file string) (crypto.PublicKey, string, error) {
	raw, block, err := readPEM(file)
	if err != nil {
		return nil, "", err
	}
	var key any
	switch block.Type {
	case "PUBLIC KEY":
		key, err = x509.ParsePKIXPublicKey(block.Bytes)
	case "RSA PUBLIC KEY":
		key, err = x509.ParsePKCS1PublicKey(block.Bytes)
	case "EC PRIVATE KEY", "RSA PRIVATE KEY", "PRIVATE KEY":
		return nil, "", fmt.Errorf("%s is a private key: verification takes the public key (PREFIX.pub)", file)
	default:
		return nil, "", fmt.Errorf("%s: unsupported PEM block %q (want PUBLIC KEY)", file, block.Type)
	}
	if err != nil {
		return nil, "", fmt.Errorf("%s: invalid public key: %w", file, err)
	}
	switch key.(type) {
	case *ecdsa.PublicKey, *rsa.PublicKey:
		return key, string(raw), nil
	}
	return nil, "", fmt.Errorf("%s: unsupported key type %T (want EC or RSA)", file, key)
}

// algsFor returns the algorithms a key can sign or verify with; an EC key
// has exactly one, fixed by its curve.
func algsFor(pub crypto.PublicKey) []string {
	switch k := pub.(type) {
	case *ecdsa.PublicKey:
		switch k.Curve {
		case elliptic.P256():
			return []string{"ES256"}
		case elliptic.P384():
			return []string{"ES384"}
		case elliptic.P521():
			return []string{"ES512"}
		}
	case *rsa.PublicKey:
		return []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}
	}
	return nil
}

// SigningAlg checks alg against the key; an empty alg is the key's default
// (ES256/ES384/ES512 by curve, RS256 for RSA).
func SigningAlg(key *PrivateKey, alg string) (string, error) {
	algs := algsFor(key.Key.Public())
	if len(algs) == 0 {
		return "", errors.New("unsupported key: EC keys must be on P-256, P-384 or P-521")
	}
	if alg == "" {
		return algs[0], nil
	}
	alg = strings.ToUpper(alg)
	for _, a := range algs {
		if a == alg {
			return alg, nil
		}
	}
	return "", fmt.Errorf("--signing-alg %s does not fit this key (it signs with %s)", alg, strings.Join(algs, ", "))
}

// Keygen makes a key pair for alg and returns the private key (PKCS#8 PEM)
// and the public key (PKIX PEM).
func Keygen(alg string) (private, public []byte, err error) {
	var key crypto.Signer
	switch strings.ToUpper(alg) {
	case "ES256":
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case "ES384":
		key, err = ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	case "RS256", "PS256":
		key, err = rsa.GenerateKey(rand.Reader, 3072)
	default:
		return nil, nil, fmt.Errorf("unknown --alg %q (one of %s)", alg, strings.Join(KeygenAlgs, ", "))
	}
	if err != nil {
		return nil, nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	pubDER, err := x509.MarshalPKIXPublicKey(key.Public())
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER}), nil
}
