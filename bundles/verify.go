package bundles

import (
	"bytes"
	"crypto"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/keys"
)

// Reasons a bundle fails verification.
const (
	ReasonUnsigned     = "missing signature"
	ReasonBadSignature = "invalid signature"
	ReasonWrongKey     = "wrong key"
	ReasonFileAdded    = "file added"
	ReasonFileRemoved  = "file removed"
	ReasonFileChanged  = "file changed"
)

// VerifyError is a bundle that failed verification: why, and the file
// concerned when there is one.
type VerifyError struct {
	Reason string
	File   string
	Detail string
}

func (e *VerifyError) Error() string {
	msg := "bundle verification failed: " + e.Reason
	if e.File != "" {
		msg += ": " + e.File
	}
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	return msg
}

// Signed reports whether the archive carries a signature file.
func (a *Archive) Signed() bool {
	for _, f := range a.Files {
		if bundle.IsSignaturesFile(f.Path) {
			return true
		}
	}
	return false
}

// Verify checks the archive's signature with the public key, then every
// file's hash against the signed list: nothing may be added, removed or
// changed. It parses no Rego. The token and hash checks are OPA's own
// (bundle.VerifyBundleSignature, bundle.VerifyBundleFile); the checks around
// them exist to name the file and the reason plainly.
func Verify(a *Archive, pub crypto.PublicKey, pubPEM string) error {
	sigFile := a.File(SignaturesFile)
	if sigFile == nil {
		for _, f := range a.Files {
			if bundle.IsSignaturesFile(f.Path) {
				return &VerifyError{Reason: ReasonBadSignature, File: f.Path, Detail: "the signature must be at the bundle's root"}
			}
		}
		return &VerifyError{Reason: ReasonUnsigned, Detail: "the bundle has no " + SignaturesFile}
	}
	var sc bundle.SignaturesConfig
	if err := json.Unmarshal(sigFile.Data, &sc); err != nil {
		return &VerifyError{Reason: ReasonBadSignature, File: SignaturesFile, Detail: "not valid JSON: " + err.Error()}
	}
	if len(sc.Signatures) != 1 {
		return &VerifyError{Reason: ReasonBadSignature, File: SignaturesFile, Detail: fmt.Sprintf("expected exactly one signature, found %d", len(sc.Signatures))}
	}
	// `opa build` names its default signer "_default"; any other plugin is
	// code we do not have.
	if sc.Plugin != "" && sc.Plugin != "_default" {
		return &VerifyError{Reason: ReasonBadSignature, File: SignaturesFile, Detail: "signature plugins are not supported"}
	}
	alg, err := tokenAlg(sc.Signatures[0])
	if err != nil {
		return &VerifyError{Reason: ReasonBadSignature, File: SignaturesFile, Detail: err.Error()}
	}
	// The algorithm comes from the token, but only one the key itself can
	// verify with is accepted: never "none", never HMAC keyed with the public key.
	if !slices.Contains(algsFor(pub), alg) {
		return &VerifyError{Reason: ReasonWrongKey, Detail: fmt.Sprintf("the bundle is signed with %s, which this key cannot verify (it verifies %s)", alg, strings.Join(algsFor(pub), ", "))}
	}
	// Not keys.NewKeyConfig: it stats its argument as a file name first, and
	// PEM text (with its slashes) can make that fail ("file name too long").
	kc := &keys.Config{Key: pubPEM, Algorithm: alg}
	vc := bundle.NewVerificationConfig(map[string]*bundle.KeyConfig{KeyID: kc}, KeyID, "", nil)
	signed, err := bundle.VerifyBundleSignature(sc, vc)
	if err != nil {
		if strings.Contains(err.Error(), "failed to verify JWT signature") {
			return &VerifyError{Reason: ReasonWrongKey, Detail: "the signature does not match this public key: signed by another key, or " + SignaturesFile + " was altered"}
		}
		return &VerifyError{Reason: ReasonBadSignature, File: SignaturesFile, Detail: err.Error()}
	}
	for _, f := range a.Files {
		if f.Path == SignaturesFile {
			continue
		}
		if _, ok := signed[f.Path]; !ok {
			return &VerifyError{Reason: ReasonFileAdded, File: f.Path, Detail: "it is in the bundle but not in its signature"}
		}
		if err := bundle.VerifyBundleFile(f.Path, *bytes.NewBuffer(f.Data), signed); err != nil {
			return &VerifyError{Reason: ReasonFileChanged, File: f.Path, Detail: "its content does not match the signed hash"}
		}
	}
	if len(signed) > 0 {
		missing := make([]string, 0, len(signed))
		for p := range signed {
			missing = append(missing, p)
		}
		slices.Sort(missing)
		return &VerifyError{Reason: ReasonFileRemoved, File: strings.Join(missing, ", "), Detail: "signed but not in the bundle"}
	}
	return nil
}

// tokenAlg reads the "alg" of a compact JWS header.
func tokenAlg(token string) (string, error) {
	hdr, _, ok := strings.Cut(token, ".")
	if !ok {
		return "", errors.New("the signature is not a JWS")
	}
	b, err := base64.RawURLEncoding.DecodeString(hdr)
	if err != nil {
		return "", errors.New("the signature's header is not base64url")
	}
	var h struct {
		Alg string `json:"alg"`
	}
	if err := json.Unmarshal(b, &h); err != nil || h.Alg == "" {
		return "", errors.New("the signature's header has no algorithm")
	}
	return h.Alg, nil
}
