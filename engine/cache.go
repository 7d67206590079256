package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	"github.com/kubeward/kubeward/engine/load"
)

// The result cache makes a repeated run on unchanged files (a pre-commit hook
// run again after another hook failed, an editor saving twice) cost only
// the process start: compiling the library is most of a short run, and a run's
// findings are a function of the binary, the policies, the options and the
// input bytes, all of which are in the key. Only runs over plain files are
// cached: a folder, a chart or stdin may hide inputs the key cannot see.

// cacheVersion changes when the stored form changes.
const cacheVersion = "1"

// maxCachedInput bounds the input a cached run may have: the cache is for
// short runs, where compiling dominates; a large run is not worth storing.
const maxCachedInput = 4 << 20

// maxCacheEntries bounds the files kept; the oldest go first.
const maxCacheEntries = 256

type cachedResult struct {
	Findings          []cachedFinding `json:"findings"`
	Errors            []Error         `json:"errors"`
	Objects           int             `json:"objects"`
	Checked           []Checked       `json:"checked"`
	Owned             int             `json:"owned"`
	Files             int             `json:"files"`
	Excluded          int             `json:"excluded"`
	SkippedIncomplete []string        `json:"skippedIncomplete"`
}

type cachedFinding struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Message  string   `json:"message"`
	Object   load.Ref `json:"object"`
	Location Location `json:"location"`
	Path     []any    `json:"path"`
	Document int      `json:"document"`
	Item     int      `json:"item"`
}

// cacheKey is the key of a run over paths, or "" when the run is not cached.
func (l *Linter) cacheKey(paths []string) string {
	if l.opts.CacheDir == "" || len(paths) == 0 {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "kubeward-cache %s\n%s\n%s\n", cacheVersion, binaryIdentity(), l.fingerprint())
	total := 0
	for _, p := range paths {
		if p == "-" {
			return ""
		}
		if l.opts.Exclude != nil && l.opts.Exclude(p) {
			// The configuration leaves it unread: that, not its bytes, is the input.
			fmt.Fprintf(h, "excluded %q\n", p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil || !st.Mode().IsRegular() {
			return ""
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".yaml", ".yml", ".json":
		default:
			return ""
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return ""
		}
		if total += len(b); total > maxCachedInput {
			return ""
		}
		sum := sha256.Sum256(b)
		fmt.Fprintf(h, "%q %x\n", p, sum)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// fingerprint identifies everything about the Linter that findings depend on.
func (l *Linter) fingerprint() string {
	l.fingerprintOnce.Do(func() {
		h := sha256.New()
		fmt.Fprintf(h, "profile=%s complete=%t limits=%+v\n", l.opts.Profile, l.opts.Complete, l.opts.Limits)
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

// binaryIdentity names the running binary: a rebuilt binary may evaluate
// differently, whatever its version string says.
func binaryIdentity() string {
	id := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		id = bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += " " + s.Value
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			id += " " + strconv.FormatInt(st.Size(), 10) + " " + strconv.FormatInt(st.ModTime().UnixNano(), 10)
		}
	}
	return id
}

func (l *Linter) cacheFile(key string) string {
	return filepath.Join(l.opts.CacheDir, "results", key[:2], key+".json")
}

// cacheGet returns the stored result of the run with that key.
func (l *Linter) cacheGet(key string) (*Result, bool) {
	b, err := os.ReadFile(l.cacheFile(key))
	if err != nil {
		return nil, false
	}
	var c cachedResult
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, false
	}
	res := &Result{Rules: l.active, RulesOff: l.off, Errors: c.Errors, Objects: c.Objects, Checked: c.Checked, Owned: c.Owned, Files: c.Files, Excluded: c.Excluded}
	for _, f := range c.Findings {
		r := l.library.Rule(f.Rule)
		if r == nil {
			return nil, false
		}
		res.Findings = append(res.Findings, Finding{
			Rule: r, Severity: f.Severity, Message: f.Message, Object: f.Object,
			Location: f.Location, Path: intPath(f.Path), Document: f.Document, Item: f.Item,
		})
	}
	for _, id := range c.SkippedIncomplete {
		r := l.library.Rule(id)
		if r == nil {
			return nil, false
		}
		res.SkippedIncomplete = append(res.SkippedIncomplete, r)
	}
	return res, true
}

// intPath turns the numbers JSON gave back as float64 into the ints a path holds.
func intPath(p []any) []any {
	for i, v := range p {
		if f, ok := v.(float64); ok && f == float64(int(f)) {
			p[i] = int(f)
		}
	}
	return p
}

// cachePut stores res; a failure only means the next run is not faster.
func (l *Linter) cachePut(key string, res *Result) {
	c := cachedResult{Errors: res.Errors, Objects: res.Objects, Checked: res.Checked, Owned: res.Owned, Files: res.Files, Excluded: res.Excluded}
	for _, f := range res.Findings {
		c.Findings = append(c.Findings, cachedFinding{
			Rule: f.Rule.ID, Severity: f.Severity, Message: f.Message, Object: f.Object,
			Location: f.Location, Path: f.Path, Document: f.Document, Item: f.Item,
		})
	}
	for _, r := range res.SkippedIncomplete {
		c.SkippedIncomplete = append(c.SkippedIncomplete, r.ID)
	}
	b, err := json.Marshal(c)
	if err != nil {
		return
	}
	file := l.cacheFile(key)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return
	}
	// Written aside and renamed: a concurrent run never reads half a file.
	tmp, err := os.CreateTemp(filepath.Dir(file), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), file) != nil {
		_ = os.Remove(tmp.Name())
		return
	}
	pruneCache(filepath.Join(l.opts.CacheDir, "results"))
}

// pruneCache keeps the newest maxCacheEntries results.
func pruneCache(dir string) {
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) <= maxCacheEntries {
		return
	}
	type aged struct {
		path string
		mod  int64
	}
	all := make([]aged, 0, len(files))
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			all = append(all, aged{f, st.ModTime().UnixNano()})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].mod > all[j].mod })
	for _, a := range all[min(len(all), maxCacheEntries):] {
		_ = os.Remove(a.path)
	}
}
