package bundles

import (
	"context"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/policy"
)

// LoadOptions say how a bundle given to lint is checked.
type LoadOptions struct {
	// KeyFile is the PEM public key the bundle must be signed with.
	KeyFile string
	// InsecureSkipVerify loads the bundle without verifying it (a warning is
	// returned).
	InsecureSkipVerify bool
	// Remote is how oci:// references are reached; CacheDir where they are kept.
	Remote   RemoteOptions
	CacheDir string
}

// Loaded is a verified bundle's policies, ready for policy.Options.Files.
type Loaded struct {
	Files []policy.File
	// NoBuiltin is set when the bundle's manifest says it is a whole library
	// (metadata kubeward.builtin: false).
	NoBuiltin bool
	Revision  string
	// Signed is whether its signature was verified.
	Signed   bool
	Warnings []string
}

// ReadSource reads a bundle file or pulls an oci:// reference (through the cache).
func ReadSource(ctx context.Context, src string, opts LoadOptions) ([]byte, error) {
	if IsOCI(src) {
		dir := opts.CacheDir
		if dir == "" {
			var err error
			if dir, err = CacheDir(); err != nil {
				return nil, err
			}
		}
		p, err := PullCached(ctx, src, dir, opts.Remote)
		if err != nil {
			return nil, err
		}
		return p.Data, nil
	}
	// A regular file only (a FIFO would block), of at most MaxBundleSize.
	data, err := confine.ReadFile(src, MaxBundleSize)
	if err != nil {
		return nil, fmt.Errorf("cannot read bundle: %w", err)
	}
	return data, nil
}

// Load reads a bundle, verifies it as opts say, and only then turns its Rego
// and data files into policy files named "<src>/<path>". Refused: a bundle
// that fails verification; an unsigned bundle when a key is given; a signed
// bundle when no key is given. InsecureSkipVerify lifts all three, with a
// warning.
func Load(ctx context.Context, src string, opts LoadOptions) (*Loaded, error) {
	data, err := ReadSource(ctx, src, opts)
	if err != nil {
		return nil, err
	}
	a, err := ReadArchive(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	out := &Loaded{}
	switch {
	case opts.InsecureSkipVerify:
		out.Warnings = append(out.Warnings, fmt.Sprintf("bundle %s is loaded WITHOUT verification (--insecure-skip-verify): its policies are trusted as they are", src))
	case opts.KeyFile != "":
		pub, pubPEM, err := ReadPublicKey(opts.KeyFile)
		if err != nil {
			return nil, err
		}
		if !a.Signed() {
			return nil, fmt.Errorf("%s: %w", src, &VerifyError{Reason: ReasonUnsigned, Detail: "a verification key was given but the bundle is not signed; sign it with `kubeward bundle sign`, or pass --insecure-skip-verify"})
		}
		if err := Verify(a, pub, pubPEM); err != nil {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		out.Signed = true
	case a.Signed():
		return nil, fmt.Errorf("%s is signed but no --verification-key was given: give the public key to verify it, or pass --insecure-skip-verify to load it unverified", src)
	}
	if err := out.addFiles(src, a); err != nil {
		return nil, err
	}
	return out, nil
}

// addFiles takes the verified archive's policies. Data files are OPA's
// (data.json, data.yaml at a folder: the document under that folder's path);
// tests are left out as they are for --policy folders.
func (l *Loaded) addFiles(src string, a *Archive) error {
	for _, f := range a.Files {
		base := path.Base(f.Path)
		name := src + "/" + f.Path
		switch {
		case f.Path == ".manifest":
			var m bundle.Manifest
			if err := util.Unmarshal(f.Data, &m); err != nil {
				return fmt.Errorf("%s: invalid manifest: %w", name, err)
			}
			l.Revision = m.Revision
			if k, ok := m.Metadata["kubeward"].(map[string]any); ok {
				if b, ok := k["builtin"].(bool); ok && !b {
					l.NoBuiltin = true
				}
			}
		case strings.HasSuffix(f.Path, ".wasm") || base == bundle.PlanFile:
			return fmt.Errorf("%s: Wasm and plan bundles are not supported: kubeward evaluates Rego", name)
		case strings.HasSuffix(f.Path, "_test.rego"):
		case strings.HasSuffix(f.Path, bundle.RegoExt):
			l.Files = append(l.Files, policy.File{Name: name, Content: f.Data})
		case bundle.IsStructuredDoc(f.Path) && base != ".manifest":
			var v any
			if err := util.Unmarshal(f.Data, &v); err != nil {
				return fmt.Errorf("%s: invalid data file: %w", name, err)
			}
			// The folder is the document's path under data.
			if dir := path.Dir(f.Path); dir != "." {
				segs := strings.Split(dir, "/")
				for i := len(segs) - 1; i >= 0; i-- {
					v = map[string]any{segs[i]: v}
				}
			}
			js, err := json.Marshal(v)
			if err != nil {
				return err
			}
			l.Files = append(l.Files, policy.File{Name: path.Join(path.Dir(name), "data.json"), Content: js})
		}
	}
	return nil
}
