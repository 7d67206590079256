package bundles

import (
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/util"
)

const (
	// SignaturesFile is where OPA looks for a bundle's signature.
	SignaturesFile = ".signatures.json"
	// KeyID is the key id written into signatures: OPA's default, so that
	// `opa eval --bundle F --verification-key K` needs no --verification-key-id.
	KeyID = "default"
	// hashAlg is OPA's default file hashing algorithm.
	hashAlg = bundle.SHA256
)

// SignOptions say how to sign.
type SignOptions struct {
	Key *PrivateKey
	// Alg is the JWS algorithm; empty is the key's default.
	Alg string
	// ClaimsFile is a JSON file of extra claims for the token.
	ClaimsFile string
}

// hashFile hashes one bundle file as OPA's verifier does: data and manifest
// files by their parsed JSON/YAML value (so whitespace does not matter), any
// other file byte for byte.
func hashFile(h bundle.SignatureHasher, p string, data []byte) (string, error) {
	var v any = data
	if bundle.IsStructuredDoc(p) {
		var doc any
		if err := util.Unmarshal(data, &doc); err != nil {
			return "", fmt.Errorf("%s: invalid JSON/YAML: %w", p, err)
		}
		v = doc
	}
	sum, err := h.HashFile(v)
	if err != nil {
		return "", fmt.Errorf("hashing %s: %w", p, err)
	}
	return hex.EncodeToString(sum), nil
}

// Sign signs every file of the archive (a signature already there is
// replaced) and returns the signed archive.
func Sign(a *Archive, opts SignOptions) (*Archive, error) {
	alg, err := SigningAlg(opts.Key, opts.Alg)
	if err != nil {
		return nil, err
	}
	h, err := bundle.NewSignatureHasher(hashAlg)
	if err != nil {
		return nil, err
	}
	out := &Archive{}
	var files []bundle.FileInfo
	for _, f := range a.Files {
		if bundle.IsSignaturesFile(f.Path) {
			continue
		}
		sum, err := hashFile(h, f.Path, f.Data)
		if err != nil {
			return nil, err
		}
		files = append(files, bundle.NewFile(f.Path, sum, string(hashAlg)))
		out.Files = append(out.Files, f)
	}
	sc := bundle.NewSigningConfig(opts.Key.PEM, alg, opts.ClaimsFile)
	token, err := bundle.GenerateSignedToken(files, sc, KeyID)
	if err != nil {
		return nil, fmt.Errorf("signing: %w", err)
	}
	sig, err := json.MarshalIndent(bundle.SignaturesConfig{Signatures: []string{token}}, "", " ")
	if err != nil {
		return nil, err
	}
	out.Files = append(out.Files, ArchiveFile{Path: SignaturesFile, Data: sig})
	return out, nil
}
