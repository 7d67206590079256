// Package resultcache keeps the results of lint runs. It makes a repeated
// run on unchanged files (a pre-commit hook run again after another hook
// failed, an editor saving twice) cost only the process start: compiling the library is most of a short run, and a run's
// findings are a function of the binary, the policies, the options and the
// input bytes, all of which are in the key. Only runs over plain files are
// cached: a folder, a chart or stdin may hide inputs the key cannot see; and
// only runs whose rules call no builtin whose answer changes between calls
// (time.now_ns, rand.intn, …).
//
// A cached result is replayed without evaluating anything, so whoever can
// write the cache decides the findings. The cache folder is therefore used
// only when the current user owns it and no one else may write to it, and an
// entry only when it is a regular file the user owns that no one else may
// write to and that names the key it was stored under. Entries are created
// exclusively under random names, mode 0600, and renamed into place.
package resultcache

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/result"
)

// cacheVersion changes when the stored form or the key changes.
const cacheVersion = "4"

// maxCachedInput bounds the input a cached run may have: the cache is for
// short runs, where compiling dominates; a large run is not worth storing.
const maxCachedInput = 4 << 20

// maxCacheEntry bounds what is read of one stored result.
const maxCacheEntry = 64 << 20

// maxCacheEntries bounds the files kept; the oldest go first.
const maxCacheEntries = 256

type cachedResult struct {
	// Key is the key the result was stored under: a file renamed or linked
	// to another key's name is not that key's result.
	Key               string           `json:"key"`
	Findings          []cachedFinding  `json:"findings"`
	Errors            []result.Error   `json:"errors"`
	Objects           int              `json:"objects"`
	Checked           []result.Checked `json:"checked"`
	Owned             int              `json:"owned"`
	Files             int              `json:"files"`
	Excluded          int              `json:"excluded"`
	Skipped           []string         `json:"skipped"`
	SkippedIncomplete []string         `json:"skippedIncomplete"`
	Unvalidated       []string         `json:"unvalidated,omitempty"`
}

type cachedFinding struct {
	Rule     string          `json:"rule"`
	Severity string          `json:"severity"`
	Message  string          `json:"message"`
	Object   load.Ref        `json:"object"`
	Location result.Location `json:"location"`
	// Suppression is a conftest exception's, decided at evaluation.
	Suppression *result.Suppression `json:"suppression,omitempty"`
	Path        []any               `json:"path"`
	Document    int                 `json:"document"`
	Item        int                 `json:"item"`
	ObjectFile  string              `json:"objectFile,omitempty"`
}

// Store is a Linter's result cache, opened on the first run that would use
// it. The zero Store is ready.
type Store struct {
	once sync.Once
	dir  *os.Root // <CacheDir>/results, checked; nil when not used
	// refused says why the folder is not used.
	refused *result.Warning
}

// resultsDir is the cache's folder under Options.CacheDir.
const resultsDir = "results"

// open checks and opens the cache folder once.
func (c *Store) open(dir string) {
	c.once.Do(func() {
		root, err := openPrivateDir(dir)
		if err == nil {
			var sub *os.Root
			sub, err = openPrivateSubdir(root, resultsDir)
			root.Close()
			root = sub
		}
		if err != nil {
			c.refused = &result.Warning{File: dir, Message: "the result cache is not used: " + err.Error() + "; make it yours with mode 0700, or use another folder"}
			return
		}
		c.dir = root
	})
}

// openPrivateDir creates dir (mode 0700) if missing and opens it, refusing a
// folder that someone else owns or may write to. Its checks are made on the
// opened folder, and everything after goes through that handle: swapping
// the path for another folder once it is checked changes nothing.
func openPrivateDir(dir string) (*os.Root, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	if err := checkPrivate(root, "."); err != nil {
		root.Close()
		return nil, fmt.Errorf("the folder %w", err)
	}
	return root, nil
}

func openPrivateSubdir(parent *os.Root, name string) (*os.Root, error) {
	if err := parent.Mkdir(name, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	root, err := parent.OpenRoot(name)
	if err != nil {
		return nil, err
	}
	if err := checkPrivate(root, "."); err != nil {
		root.Close()
		return nil, fmt.Errorf("its %s folder %w", name, err)
	}
	return root, nil
}

// checkPrivate refuses a folder of root that the current user does not own
// or that others may write to.
func checkPrivate(root *os.Root, name string) error {
	info, err := root.Stat(name)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return errors.New("is not a folder")
	}
	return ownedPrivately(info)
}

// ownedPrivately refuses a file or folder that the current user does not own
// or that group or others may write to.
func ownedPrivately(info fs.FileInfo) error {
	uid, ok := ownerOf(info)
	if !ok {
		return errors.New("has no owner this system can check")
	}
	if me := os.Geteuid(); uid != me {
		return fmt.Errorf("is owned by uid %d, not by you (uid %d)", uid, me)
	}
	if info.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("may be written by others (mode %#o)", info.Mode().Perm())
	}
	return nil
}

// Plain reports whether a run over paths may be cached as far as the paths
// tell: plain YAML or JSON files, no stdin, on a system whose file owners
// can be checked. A folder, a chart or stdin may hide inputs the key cannot
// see.
func Plain(paths []string) bool {
	if len(paths) == 0 || !supported {
		return false
	}
	for _, p := range paths {
		if p == "-" {
			return false
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".yaml", ".yml", ".json":
		default:
			return false
		}
	}
	return true
}

// Entry is where the result of one run is kept.
type Entry struct {
	dir *os.Root
	key string
}

// Entry is the entry of a run over paths (Plain) with the cache folder
// cacheDir, by fingerprint (everything about the Linter that findings
// depend on): nil when the run is not to be cached. A refused cache folder
// comes back as a warning. Files exclude leaves unread are keyed by name.
func (c *Store) Entry(cacheDir string, paths []string, exclude func(string) bool, fingerprint func() string) (*Entry, *result.Warning) {
	c.open(cacheDir)
	if c.dir == nil {
		return nil, c.refused
	}
	key := cacheKey(c.dir, paths, exclude, fingerprint)
	if key == "" {
		return nil, nil
	}
	return &Entry{dir: c.dir, key: key}, nil
}

// cacheKey is the key of a run over paths, or "" when the run is not cached.
func cacheKey(dir *os.Root, paths []string, exclude func(string) bool, fingerprint func() string) string {
	exe := executableDigest(dir)
	if exe == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "kubeward-cache %s\n%s\n%s\n%s\n", cacheVersion, exe, buildIdentity(), fingerprint())
	total := 0
	for _, p := range paths {
		if exclude != nil && exclude(p) {
			// The configuration leaves it unread: that, not its bytes, is the input.
			fmt.Fprintf(h, "excluded %q\n", p)
			continue
		}
		// A folder, a FIFO or a file past the limit is not cached.
		left := int64(maxCachedInput - total)
		if left <= 0 {
			return ""
		}
		b, err := confine.ReadFile(p, left)
		if err != nil {
			return ""
		}
		total += len(b)
		sum := sha256.Sum256(b)
		fmt.Fprintf(h, "%q %x\n", p, sum)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// nondeterministicBuiltins are the builtins OPA marks as nondeterministic
// (time.now_ns, rand.intn, uuid.rfc4122, io.jwt.decode_verify, …), by name.
var nondeterministicBuiltins = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if b.Nondeterministic {
			out[b.Name] = true
		}
	}
	// Denied at compile time (policy.Capabilities), listed in case that changes.
	for _, name := range []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn", "uuid.rfc4122"} {
		out[name] = true
	}
	return out
})

// NondeterministicCalls lists "module: builtin" for every reference to a
// nondeterministic builtin in modules: a call, or a `with` that replaces one
// (a mock is conservative, not wrong: it only costs the cache).
func NondeterministicCalls(modules map[string]*ast.Module) []string {
	names := nondeterministicBuiltins()
	var out []string
	for name, m := range modules {
		ast.WalkRefs(m, func(r ast.Ref) bool {
			if s := r.String(); names[s] {
				out = append(out, name+": "+s)
			}
			return false
		})
	}
	sort.Strings(out)
	return out
}

// buildIdentity names the build: its module version and VCS state.
func buildIdentity() string {
	id := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		id = bi.Main.Version + " " + bi.GoVersion
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += " " + s.Value
			}
		}
	}
	return id
}

var exeDigest struct {
	sync.Mutex
	value string
}

// executableDigest is the SHA-256 of the running binary's bytes (a rebuilt
// binary may evaluate differently, whatever its version says), computed once
// per process. Hashing a 100 MB binary is a cold start's worth of time, so
// the digest is kept in the (private) cache folder under the binary's
// identity as the system sees it: device, inode, size, modification and
// change time. The change time is set by the kernel on any write, rename or
// chmod and cannot be set back by the owner, so a binary changed in place is
// hashed again. "" when the binary cannot be read.
func executableDigest(dir *os.Root) string {
	exeDigest.Lock()
	defer exeDigest.Unlock()
	if exeDigest.value != "" {
		return exeDigest.value
	}
	f, err := openExecutable()
	if err != nil {
		return ""
	}
	defer f.Close()
	before, err := f.Stat()
	if err != nil {
		return ""
	}
	stamp, stable := fileStamp(before)
	var name string
	if stable {
		sum := sha256.Sum256([]byte(stamp))
		name = "exe-" + hex.EncodeToString(sum[:16])
		if d, ok := readExeDigest(dir, name, stamp); ok {
			exeDigest.value = d
			return d
		}
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	digest := hex.EncodeToString(h.Sum(nil))
	exeDigest.value = digest
	if after, err := f.Stat(); stable && err == nil {
		// Changed while it was read: the digest is this process's, not the
		// file's; do not record it.
		if s, _ := fileStamp(after); s == stamp {
			_ = writeCacheFile(dir, name, []byte(stamp+"\n"+digest+"\n"))
		}
	}
	return digest
}

// openExecutable opens the running binary: on Linux through /proc, which
// is the file this process runs even if its path was replaced since.
func openExecutable() (*os.File, error) {
	if f, err := os.Open("/proc/self/exe"); err == nil {
		return f, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return os.Open(exe)
}

func readExeDigest(dir *os.Root, name, stamp string) (string, bool) {
	b, err := readCacheFile(dir, name, 1<<10)
	if err != nil {
		return "", false
	}
	s, d, ok := strings.Cut(strings.TrimSuffix(string(b), "\n"), "\n")
	if !ok || s != stamp || len(d) != 64 {
		return "", false
	}
	if _, err := hex.DecodeString(d); err != nil {
		return "", false
	}
	return d, true
}

// readCacheFile reads a file of the cache folder that only the current
// user may have written: a regular file (checked on the open file), owned
// by the user, not writable by group or others.
func readCacheFile(dir *os.Root, name string, max int64) ([]byte, error) {
	// O_NONBLOCK: a FIFO put there opens without waiting for a writer, and
	// the check below refuses it.
	f, err := dir.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	if err := ownedPrivately(info); err != nil {
		return nil, fmt.Errorf("%s %w", name, err)
	}
	if info.Size() > max {
		return nil, fmt.Errorf("%s is too large", name)
	}
	return io.ReadAll(io.LimitReader(f, max))
}

// writeCacheFile stores data under name: written to a new file of a random
// name, created exclusively with mode 0600, then renamed into place.
func writeCacheFile(dir *os.Root, name string, data []byte) error {
	var f *os.File
	var tmp string
	for range 16 {
		var rnd [12]byte
		if _, err := rand.Read(rnd[:]); err != nil {
			return err
		}
		tmp = ".tmp-" + hex.EncodeToString(rnd[:])
		var err error
		f, err = dir.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	if f == nil {
		return errors.New("no free temporary name")
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		_ = dir.Remove(tmp)
		return errors.Join(werr, cerr)
	}
	if err := dir.Rename(tmp, name); err != nil {
		_ = dir.Remove(tmp)
		return err
	}
	return nil
}

func cacheEntry(key string) string { return key + ".json" }

// Get returns the stored result of the run, its rules found by id with
// rule; the caller adds what the Linter knows without a run (Rules,
// RulesOff).
func (e *Entry) Get(rule func(id string) *policy.Rule) (*result.Result, bool) {
	b, err := readCacheFile(e.dir, cacheEntry(e.key), maxCacheEntry)
	if err != nil {
		return nil, false
	}
	var c cachedResult
	if err := json.Unmarshal(b, &c); err != nil || c.Key != e.key {
		return nil, false
	}
	res := &result.Result{Errors: c.Errors, Objects: c.Objects, Checked: c.Checked, Owned: c.Owned, Files: c.Files, Excluded: c.Excluded, Skipped: c.Skipped, Unvalidated: c.Unvalidated}
	for _, f := range c.Findings {
		r := rule(f.Rule)
		if r == nil {
			return nil, false
		}
		res.Findings = append(res.Findings, result.Finding{
			Rule: r, Severity: f.Severity, Message: f.Message, Object: f.Object,
			Location: f.Location, Path: intPath(f.Path), Document: f.Document, Item: f.Item,
			Suppression: f.Suppression, ObjectFile: f.ObjectFile,
		})
	}
	for _, id := range c.SkippedIncomplete {
		r := rule(id)
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

// Put stores res; a failure only means the next run is not faster.
func (e *Entry) Put(res *result.Result) {
	c := cachedResult{Key: e.key, Errors: res.Errors, Objects: res.Objects, Checked: res.Checked, Owned: res.Owned, Files: res.Files, Excluded: res.Excluded, Skipped: res.Skipped, Unvalidated: res.Unvalidated}
	for _, f := range res.Findings {
		c.Findings = append(c.Findings, cachedFinding{
			Rule: f.Rule.ID, Severity: f.Severity, Message: f.Message, Object: f.Object,
			Location: f.Location, Path: f.Path, Document: f.Document, Item: f.Item,
			Suppression: f.Suppression, ObjectFile: f.ObjectFile,
		})
	}
	for _, r := range res.SkippedIncomplete {
		c.SkippedIncomplete = append(c.SkippedIncomplete, r.ID)
	}
	b, err := json.Marshal(c)
	if err != nil {
		return
	}
	if writeCacheFile(e.dir, cacheEntry(e.key), b) != nil {
		return
	}
	pruneCache(e.dir)
}

// pruneCache keeps the newest maxCacheEntries files (results, binary
// digests, and temporary files a killed run left).
func pruneCache(dir *os.Root) {
	entries, err := fs.ReadDir(dir.FS(), ".")
	if err != nil || len(entries) <= maxCacheEntries {
		return
	}
	type aged struct {
		name string
		mod  int64
	}
	all := make([]aged, 0, len(entries))
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			all = append(all, aged{e.Name(), info.ModTime().UnixNano()})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].mod > all[j].mod })
	for _, a := range all[min(len(all), maxCacheEntries):] {
		_ = dir.Remove(a.name)
	}
}
