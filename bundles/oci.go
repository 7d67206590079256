package bundles

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/types"

	"github.com/kubeward/kubeward/engine/atomicfile"
)

// Media types of a bundle in a registry, as OPA's OCI downloader reads it
// (v1/download/oci_download.go): it takes the first layer of type
// application/vnd.oci.image.layer.v1.tar+gzip as the bundle and does not look
// at the config; the config is the OCI image config type that `oras push`
// and OPA's docs use.
const (
	LayerMediaType    = types.OCILayer           // application/vnd.oci.image.layer.v1.tar+gzip
	ConfigMediaType   = types.OCIConfigJSON      // application/vnd.oci.image.config.v1+json
	ManifestMediaType = types.OCIManifestSchema1 // application/vnd.oci.image.manifest.v1+json
)

// OCIScheme prefixes registry references on the command line.
const OCIScheme = "oci://"

// RemoteOptions say how to reach a registry.
type RemoteOptions struct {
	// PlainHTTP allows http:// for any registry; without it only localhost
	// and 127.0.0.1 may be reached without TLS.
	PlainHTTP bool
	// Keychain finds credentials; nil is the docker config file
	// (~/.docker/config.json, or $DOCKER_CONFIG/config.json).
	Keychain authn.Keychain
	// Timeout bounds a whole push or pull, every request and the download
	// included (DefaultRegistryTimeout when 0): a registry that accepts a
	// connection and never answers must not hang a CI job.
	Timeout time.Duration
}

// DefaultRegistryTimeout is RemoteOptions.Timeout when unset.
const DefaultRegistryTimeout = 60 * time.Second

// Bounds of the steps of one request, within the overall timeout.
const (
	dialTimeout           = 10 * time.Second
	tlsHandshakeTimeout   = 10 * time.Second
	responseHeaderTimeout = 30 * time.Second
)

func (o RemoteOptions) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultRegistryTimeout
}

// withTimeout is ctx bounded by the operation's timeout.
func (o RemoteOptions) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, o.timeout())
}

// remoteError names what failed; a timeout says which limit it met.
func (o RemoteOptions) remoteError(what, ref string, err error) error {
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return fmt.Errorf("%s %s: timed out: no complete answer from the registry within %s (--registry-timeout): %w", what, ref, o.timeout(), err)
	}
	return fmt.Errorf("%s %s: %w", what, ref, err)
}

// transport is go-containerregistry's transport with every step of a
// request bounded: its default waits for a response header without limit.
func transport(o RemoteOptions) http.RoundTripper {
	t := remote.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{Timeout: min(dialTimeout, o.timeout()), KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = min(tlsHandshakeTimeout, o.timeout())
	t.ResponseHeaderTimeout = min(responseHeaderTimeout, o.timeout())
	return t
}

// IsOCI reports whether src is an oci:// reference.
func IsOCI(src string) bool { return strings.HasPrefix(src, OCIScheme) }

func parseRef(ref string, o RemoteOptions) (name.Reference, error) {
	s, ok := strings.CutPrefix(ref, OCIScheme)
	if !ok {
		return nil, fmt.Errorf("%q is not a registry reference (want oci://registry/repository:tag)", ref)
	}
	var opts []name.Option
	if o.PlainHTTP {
		opts = append(opts, name.Insecure)
	}
	r, err := name.ParseReference(s, opts...)
	if err != nil {
		return nil, fmt.Errorf("invalid registry reference %q: %w", ref, err)
	}
	return r, nil
}

// httpGuard refuses plain http except to loopback hosts (or when allowed):
// go-containerregistry would also fall back to http for private addresses.
type httpGuard struct {
	base  http.RoundTripper
	plain bool
}

func (g httpGuard) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme == "http" && !g.plain && !isLoopback(req.URL.Hostname()) {
		return nil, fmt.Errorf("refusing plain http to %s: use https, or --plain-http", req.URL.Host)
	}
	return g.base.RoundTrip(req)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func remoteOptions(ctx context.Context, o RemoteOptions) []remote.Option {
	kc := o.Keychain
	if kc == nil {
		kc = authn.DefaultKeychain
	}
	return []remote.Option{
		remote.WithContext(ctx),
		remote.WithAuthFromKeychain(kc),
		remote.WithTransport(httpGuard{base: transport(o), plain: o.PlainHTTP}),
		remote.WithUserAgent("kubeward"),
	}
}

// Push uploads a bundle (its .tar.gz bytes) as a one-layer OCI artifact and
// returns the manifest's digest.
func Push(ctx context.Context, data []byte, ref string, o RemoteOptions) (string, error) {
	if _, err := ReadArchive(data); err != nil {
		return "", err
	}
	r, err := parseRef(ref, o)
	if err != nil {
		return "", err
	}
	ctx, cancel := o.withTimeout(ctx)
	defer cancel()
	img, err := mutate.Append(empty.Image, mutate.Addendum{
		Layer:       static.NewLayer(data, LayerMediaType),
		Annotations: map[string]string{"org.opencontainers.image.title": "bundle.tar.gz"},
	})
	if err != nil {
		return "", err
	}
	img = mutate.ConfigMediaType(mutate.MediaType(img, ManifestMediaType), ConfigMediaType)
	if err := remote.Write(r, img, remoteOptions(ctx, o)...); err != nil {
		return "", o.remoteError("pushing to", ref, err)
	}
	d, err := img.Digest()
	if err != nil {
		return "", err
	}
	return d.String(), nil
}

// Pulled is a bundle read from a registry.
type Pulled struct {
	Data []byte
	// Digest is the bundle layer's digest (sha256:…), checked against the bytes.
	Digest string
	// Manifest is the digest of the artifact's manifest.
	Manifest string
}

// bundleLayer resolves ref and returns the layer OPA would take as the bundle.
func bundleLayer(ctx context.Context, ref string, o RemoteOptions) (v1.Layer, v1.Hash, string, error) {
	r, err := parseRef(ref, o)
	if err != nil {
		return nil, v1.Hash{}, "", err
	}
	img, err := remote.Image(r, remoteOptions(ctx, o)...)
	if err != nil {
		return nil, v1.Hash{}, "", o.remoteError("pulling", ref, err)
	}
	m, err := img.Manifest()
	if err != nil {
		return nil, v1.Hash{}, "", o.remoteError("pulling", ref, err)
	}
	md, err := img.Digest()
	if err != nil {
		return nil, v1.Hash{}, "", err
	}
	for _, l := range m.Layers {
		if l.MediaType == LayerMediaType {
			if l.Size > MaxBundleSize {
				return nil, v1.Hash{}, "", fmt.Errorf("%s: the bundle layer is %d bytes, more than the %d byte limit", ref, l.Size, MaxBundleSize)
			}
			layer, err := img.LayerByDigest(l.Digest)
			if err != nil {
				return nil, v1.Hash{}, "", o.remoteError("pulling", ref, err)
			}
			return layer, l.Digest, md.String(), nil
		}
	}
	return nil, v1.Hash{}, "", fmt.Errorf("%s holds no bundle: no layer of type %s", ref, LayerMediaType)
}

// fetch reads a layer and checks its bytes against the digest.
func fetch(layer v1.Layer, want v1.Hash) ([]byte, error) {
	rc, err := layer.Compressed()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxBundleSize+1))
	if err != nil {
		return nil, fmt.Errorf("downloading the bundle: %w", err)
	}
	if len(data) > MaxBundleSize {
		return nil, fmt.Errorf("the bundle is more than %d bytes", MaxBundleSize)
	}
	if got := sha256Hex(data); want.Algorithm != "sha256" || got != want.Hex {
		return nil, fmt.Errorf("downloaded bundle does not match its digest %s (got sha256:%s)", want, got)
	}
	return data, nil
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Pull downloads the bundle at ref and checks it against its digest.
func Pull(ctx context.Context, ref string, o RemoteOptions) (*Pulled, error) {
	ctx, cancel := o.withTimeout(ctx)
	defer cancel()
	layer, digest, manifest, err := bundleLayer(ctx, ref, o)
	if err != nil {
		return nil, err
	}
	data, err := fetch(layer, digest)
	if err != nil {
		return nil, o.remoteError("pulling", ref, err)
	}
	return &Pulled{Data: data, Digest: digest.String(), Manifest: manifest}, nil
}

// CacheDir is where pulled bundles are kept: $KUBEWARD_CACHE_DIR, or
// kubeward/bundles under the user's cache folder.
func CacheDir() (string, error) {
	if d := os.Getenv("KUBEWARD_CACHE_DIR"); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache folder for pulled bundles (set KUBEWARD_CACHE_DIR): %w", err)
	}
	return filepath.Join(d, "kubeward", "bundles"), nil
}

// PullCached is Pull through a cache of bundles by layer digest: the tag is
// resolved every time (tags move), the bundle downloaded only when its digest
// is not cached. A cached file is checked against its digest when read; the
// cache is never trusted in place of verification.
func PullCached(ctx context.Context, ref, dir string, o RemoteOptions) (*Pulled, error) {
	ctx, cancel := o.withTimeout(ctx)
	defer cancel()
	layer, digest, manifest, err := bundleLayer(ctx, ref, o)
	if err != nil {
		return nil, err
	}
	file := filepath.Join(dir, digest.Algorithm+"-"+digest.Hex+".tar.gz")
	if data, err := os.ReadFile(file); err == nil && len(data) <= MaxBundleSize && sha256Hex(data) == digest.Hex {
		return &Pulled{Data: data, Digest: digest.String(), Manifest: manifest}, nil
	}
	data, err := fetch(layer, digest)
	if err != nil {
		return nil, o.remoteError("pulling", ref, err)
	}
	// Private: a bundle may hold a team's unpublished policies. A failed
	// cache write only costs a download next time.
	if err := os.MkdirAll(dir, 0o700); err == nil {
		_ = atomicfile.Write(file, data, 0o600)
	}
	return &Pulled{Data: data, Digest: digest.String(), Manifest: manifest}, nil
}
