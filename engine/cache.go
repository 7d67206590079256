package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/engine/internal/resultcache"
)

// cacheState is a Linter's result cache (engine/internal/resultcache) and
// whether its rules allow one.
type cacheState struct {
	store resultcache.Store

	deterministicOnce sync.Once
	deterministic     bool
}

// cacheFor is the cache entry of a run over paths: nil when the run is not
// to be cached. A refused cache folder comes back as a warning.
func (l *Linter) cacheFor(paths []string) (*resultcache.Entry, *Warning) {
	// CRD files given with --crd are input the key does not read. What the
	// key cannot see is ruled out first: it costs nothing.
	if l.opts.CacheDir == "" || len(l.opts.CRDs) > 0 || !resultcache.Plain(paths) || !l.deterministic() {
		return nil, nil
	}
	return l.cache.store.Entry(l.opts.CacheDir, paths, l.opts.Exclude, l.fingerprint)
}

// fingerprint identifies everything about the Linter that findings depend on.
func (l *Linter) fingerprint() string {
	l.fingerprintOnce.Do(func() {
		h := sha256.New()
		fmt.Fprintf(h, "profile=%s complete=%t strict-input=%t allow-empty=%t combine=%t limits=%+v namespace=%s\n", l.opts.Profile, l.opts.Complete, l.opts.StrictInput, l.opts.AllowEmpty, l.opts.Combine, l.opts.Limits, l.requestNamespace())
		fmt.Fprintf(h, "kube-version=%s no-schema=%t\n", l.opts.KubeVersion, l.opts.NoSchema)
		ids := make([]string, len(l.active))
		for i, r := range l.active {
			ids[i] = r.ID + "=" + r.Severity
		}
		sort.Strings(ids)
		fmt.Fprintf(h, "active=%s\n", strings.Join(ids, ","))
		l.library.WriteFingerprint(h)
		l.fingerprintValue = hex.EncodeToString(h.Sum(nil))
	})
	return l.fingerprintValue
}

// deterministic reports whether the Linter's rules call no builtin whose
// answer may change from one call to the next: a cached result would replay
// one moment's answer forever. The bundled library calls none (a test walks
// it); a user's policies, compiled whole in New, are walked here once.
func (l *Linter) deterministic() bool {
	l.cache.deterministicOnce.Do(func() {
		if l.library.Trusted() {
			l.cache.deterministic = true
			return
		}
		if len(l.full) == 0 || l.full[0].compiler == nil {
			return
		}
		modules := map[string]*ast.Module{}
		for name, m := range l.full[0].compiler.Modules {
			if !l.library.IsBundled(name) {
				modules[name] = m
			}
		}
		l.cache.deterministic = len(resultcache.NondeterministicCalls(modules)) == 0
	})
	return l.cache.deterministic
}
