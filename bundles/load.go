package bundles

import (
	"context"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
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
	// RequireVerification refuses an unsigned bundle when no key is given
	// (InsecureSkipVerify aside), rather than loading it with a warning.
	// NamedBy says who asked for the bundle, for that error: a bundle that a
	// committed configuration file names is someone else's choice, and may
	// not skip verification on its own.
	RequireVerification bool
	NamedBy             string
	// NoBuiltin says the built-in library is left out of the run
	// (--no-builtin): the bundle may then supply data under kubeward.
	NoBuiltin bool
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
	case opts.RequireVerification:
		return nil, fmt.Errorf("%s: %w", src, &VerifyError{Reason: ReasonUnsigned, Detail: fmt.Sprintf(
			"the bundle is not signed, and %s names it: a bundle named there must be signed and verified with --verification-key, or be loaded with --insecure-skip-verify given on the command line", opts.NamedBy)})
	default:
		out.Warnings = append(out.Warnings, fmt.Sprintf("bundle %s is not signed: its policies are loaded unverified, like a --policy folder", src))
	}
	if err := out.addFiles(src, a, opts); err != nil {
		return nil, err
	}
	return out, nil
}

// addFiles takes the verified archive's policies. Data files are OPA's
// (data.json, data.yaml at a folder: the document under that folder's path);
// tests are left out as they are for --policy folders.
//
// The manifest's roots say what the bundle owns, as OPA enforces them when
// it activates a bundle: a Rego package (checked by policy.Load, which
// parses it) or a data document outside them is refused. And unless the
// bundle stands in for the built-in library, its data may not set what the
// built-in library's data holds under kubeward (rule parameters,
// kubeward.config.*): that would change what built-in rules decide without
// saying so; parameters are the configuration's (parameters:, --data).
func (l *Loaded) addFiles(src string, a *Archive, opts LoadOptions) error {
	var roots []string
	// A bundle without a rego_version is v1, as OPA v1 reads one.
	version := ast.RegoV1
	if f := a.File(".manifest"); f != nil {
		var m bundle.Manifest
		if err := util.Unmarshal(f.Data, &m); err != nil {
			return fmt.Errorf("%s/.manifest: invalid manifest: %w", src, err)
		}
		l.Revision = m.Revision
		if k, ok := m.Metadata["kubeward"].(map[string]any); ok {
			if b, ok := k["builtin"].(bool); ok && !b {
				l.NoBuiltin = true
			}
		}
		if m.RegoVersion != nil {
			v, err := ast.RegoVersionFromIntStrict(*m.RegoVersion)
			if err != nil {
				return fmt.Errorf("%s/.manifest: %w", src, err)
			}
			version = v
		}
		if m.Roots != nil {
			roots = make([]string, len(*m.Roots))
			for i, r := range *m.Roots {
				roots[i] = strings.Trim(r, "/")
			}
		}
	}
	rootsOf := src + "/.manifest"
	var reserved map[string]any
	if !l.NoBuiltin && !opts.NoBuiltin {
		var err error
		if reserved, err = builtinKubewardData(); err != nil {
			return fmt.Errorf("reading the built-in library's data: %w", err)
		}
	}
	for _, f := range a.Files {
		base := path.Base(f.Path)
		name := src + "/" + f.Path
		switch {
		case f.Path == ".manifest":
		case strings.HasSuffix(f.Path, ".wasm") || base == bundle.PlanFile:
			return fmt.Errorf("%s: Wasm and plan bundles are not supported: kubeward evaluates Rego", name)
		case strings.HasSuffix(f.Path, "_test.rego"):
		case strings.HasSuffix(f.Path, bundle.RegoExt):
			l.Files = append(l.Files, policy.File{Name: name, Content: f.Data, Roots: roots, RootsOf: rootsOf, RegoVersion: version})
		case bundle.IsStructuredDoc(f.Path) && base != ".manifest":
			var v any
			if err := util.Unmarshal(f.Data, &v); err != nil {
				return fmt.Errorf("%s: invalid data file: %w", name, err)
			}
			// The folder is the document's path under data.
			var segs []string
			if dir := path.Dir(f.Path); dir != "." {
				segs = strings.Split(dir, "/")
			}
			if roots != nil {
				if bad := outsideRoots(segs, v, roots); bad != "" {
					return fmt.Errorf("%s: data %s is outside the roots %s declares (%s): a bundle may only define what it owns",
						name, bad, rootsOf, strings.Join(roots, ", "))
				}
			}
			if bad := builtinData(segs, v, reserved); bad != "" {
				return fmt.Errorf("%s: data %s belongs to the built-in library: a bundle beside it may not set it (rule parameters go in .kubeward.yaml parameters: or --data; a bundle built with --no-builtin replaces the library)", name, bad)
			}
			for i := len(segs) - 1; i >= 0; i-- {
				v = map[string]any{segs[i]: v}
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

// outsideRoots returns the first data path (dotted) of the document v at
// folder segs that no root covers, or "". A mapping on the way to a root is
// looked into; anything else must be at or under one.
func outsideRoots(segs []string, v any, roots []string) string {
	p := strings.Join(segs, "/")
	if policy.UnderRoots(p, roots) {
		return ""
	}
	m, isMap := v.(map[string]any)
	if !isMap || !leadsToRoot(p, roots) {
		return dotted(segs)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if bad := outsideRoots(append(append([]string(nil), segs...), k), m[k], roots); bad != "" {
			return bad
		}
	}
	return ""
}

// leadsToRoot: p is a folder above some root ("" is above all).
func leadsToRoot(p string, roots []string) bool {
	for _, r := range roots {
		if p == "" || strings.HasPrefix(r, p+"/") {
			return true
		}
	}
	return false
}

// builtinData returns the first path (dotted) of the document v at folder
// segs that sets a value the built-in library's data (reserved, what it
// holds under data.kubeward) has, or "" when there is none. Under kubeward,
// only new keys are allowed, and only below kubeward.config.
func builtinData(segs []string, v any, reserved map[string]any) string {
	if reserved == nil {
		return ""
	}
	full := segs
	var walk func(p []string, v any) string
	walk = func(p []string, v any) string {
		if len(p) == 0 || p[0] != "kubeward" {
			return ""
		}
		switch {
		case len(p) == 1 || (len(p) == 2 && p[1] == "config"):
			// kubeward or kubeward.config itself: look at what it sets.
		case p[1] != "config":
			return dotted(p)
		default:
			config, _ := reserved["config"].(map[string]any)
			if _, taken := config[p[2]]; taken {
				return dotted(p)
			}
			return ""
		}
		m, ok := v.(map[string]any)
		if !ok {
			return dotted(p)
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if bad := walk(append(append([]string(nil), p...), k), m[k]); bad != "" {
				return bad
			}
		}
		return ""
	}
	if len(full) == 0 {
		m, _ := v.(map[string]any)
		if kv, ok := m["kubeward"]; ok {
			return walk([]string{"kubeward"}, kv)
		}
		return ""
	}
	return walk(full, v)
}

// builtinKubewardData is what the built-in library's data holds under
// data.kubeward, read once.
var builtinKubewardData = sync.OnceValues(func() (map[string]any, error) {
	lib, err := policy.Load(policy.Options{})
	if err != nil {
		return nil, err
	}
	m, _ := lib.Data["kubeward"].(map[string]any)
	return m, nil
})

func dotted(segs []string) string {
	if len(segs) == 0 {
		return "data"
	}
	return "data." + strings.Join(segs, ".")
}
