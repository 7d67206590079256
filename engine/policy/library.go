package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"sigs.k8s.io/yaml"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/policies"
)

// Error is a problem with a policy file, at a place in it.
type Error struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`

	// refused: the read model refused the file (Options.SkipRefused).
	refused bool
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
	}
	return e.File + ": " + e.Message
}

// Errors is a list of policy errors; it is itself an error.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// File is one policy or data file.
type File struct {
	Name    string
	Content []byte
	Bundled bool
	// Roots, when not nil, are the only package paths the file may define
	// ("kubeward/rules/acme", slash-separated, "" for any): an OPA bundle's
	// manifest roots, which say what the bundle owns. RootsOf names where
	// they were declared, for the error.
	Roots   []string
	RootsOf string
	// RegoVersion is the Rego version the file is written in (a bundle's
	// manifest says it); unset, Options.RegoVersion. The bundled library is
	// always v1.
	RegoVersion ast.RegoVersion
}

// Options say which policies to load besides (or instead of) the bundled library.
type Options struct {
	// NoBuiltin leaves the bundled library out.
	NoBuiltin bool
	// NoBuiltinBy says what asked for NoBuiltin ("--no-builtin", a bundle's
	// manifest): a report names it beside the rules that did not run.
	NoBuiltinBy string
	// PolicyDirs are folders (or files) of user Rego and data files.
	PolicyDirs []string
	// DataFiles are YAML or JSON documents merged into data at its root.
	DataFiles []string
	// Files are more policy files given in memory (bundles, tests).
	Files []File
	// ConftestNamespaces are packages read as conftest policies besides
	// "main" (deny/violation/warn rules returning strings or {msg}).
	ConftestNamespaces []string
	// AllConftestNamespaces reads every package of the user's policies as a
	// conftest namespace (conftest's --all-namespaces), but kubeward rules.
	AllConftestNamespaces bool
	// RegoVersion is the Rego version the user's policies are parsed and
	// compiled in (v1 when unset), as OPA and conftest do with their
	// --rego-version; the bundled library stays v1.
	RegoVersion ast.RegoVersion
	// MaxFileSize is the largest policy or data file read, in bytes
	// (DefaultMaxFileSize when 0).
	MaxFileSize int64
	// SkipRefused leaves out the files the read model refuses (a link that
	// leaves its policy folder, a FIFO or device, a file over MaxFileSize)
	// and lists them in Library.Refused, instead of failing Load: a caller
	// that reports them as errors can still lint with the rest.
	SkipRefused bool
	// EmptyDirsOK accepts a PolicyDirs folder without a .rego file (the test
	// harness: a folder of fixture suites only). Otherwise it is an error: a
	// mistyped or emptied folder would make a run check nothing it asked for.
	EmptyDirsOK bool
	// PrintStatements keeps the rules' print() calls when compiling (the
	// compiler erases them otherwise): lint --print shows their output.
	PrintStatements bool
}

// DefaultMaxFileSize is the size limit of a policy or data file when
// Options.MaxFileSize is 0 (the default --max-file-size).
const DefaultMaxFileSize = 32 << 20

// Library is a loaded, not yet compiled, set of policies.
type Library struct {
	Rules []*Rule
	Data  map[string]any
	// Refused are the policy and data files left out (Options.SkipRefused),
	// each naming the file and why.
	Refused Errors

	sources map[string]File        // every Rego file, by name
	mu      sync.Mutex             // guards modules
	modules map[string]*ast.Module // parsed; the indexed bundled library is parsed on demand
	bundled map[string]bool        // module name -> from the embedded library
	deps    map[string]moduleDeps  // from the index; nil when modules were parsed
	print   bool                   // Options.PrintStatements
}

// HasModule reports whether the library has a Rego file of that name.
func (l *Library) HasModule(name string) bool {
	_, ok := l.sources[name]
	return ok
}

// WriteFingerprint writes what identifies the library's content, every Rego
// source and the data, to w.
func (l *Library) WriteFingerprint(w io.Writer) {
	names := make([]string, 0, len(l.sources))
	for n := range l.sources {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "%s %d\n", n, len(l.sources[n].Content))
		_, _ = w.Write(l.sources[n].Content)
	}
	data, _ := json.Marshal(l.Data)
	_, _ = w.Write(data)
}

// Modules returns every module of the library, parsed.
func (l *Library) Modules() (map[string]*ast.Module, error) {
	names := make([]string, 0, len(l.sources))
	for n := range l.sources {
		names = append(names, n)
	}
	return l.parsed(names)
}

// parsed returns the named modules, parsing those not parsed yet (on all
// cores, without METADATA: the index already holds it).
func (l *Library) parsed(names []string) (map[string]*ast.Module, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var todo []File
	for _, n := range names {
		if _, ok := l.modules[n]; !ok {
			f := l.sources[n]
			if l.deps != nil {
				// The index holds the METADATA: comments (half of a rule file)
				// need not be tokenized again. Lines are kept, so positions hold.
				f.Content = blankComments(f.Content)
			}
			todo = append(todo, f)
		}
	}
	var errs Errors
	for i, p := range parseAll(todo, ast.ParserOptions{RegoVersion: ast.RegoV1}) {
		if p.err != nil {
			errs = append(errs, fromAST(todo[i].Name, p.err)...)
			continue
		}
		l.modules[todo[i].Name] = p.module
	}
	if len(errs) > 0 {
		return nil, errs
	}
	out := make(map[string]*ast.Module, len(names))
	for _, n := range names {
		out[n] = l.modules[n]
	}
	return out, nil
}

// parsedTaken is parsed, but the modules returned are removed from the
// cache: the caller may change them (a compiler rewrites them in place).
func (l *Library) parsedTaken(names []string) (map[string]*ast.Module, error) {
	out, err := l.parsed(names)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, n := range names {
		delete(l.modules, n)
	}
	return out, nil
}

// Rule returns the rule with id, or nil.
func (l *Library) Rule(id string) *Rule {
	for _, r := range l.Rules {
		if strings.EqualFold(r.ID, id) {
			return r
		}
	}
	return nil
}

// BundledFiles returns the embedded library's Rego files (without tests) and
// its data file.
func BundledFiles(withTests bool) ([]File, error) {
	var files []File
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if (strings.HasSuffix(p, "_test.rego") && !withTests) || p == IndexFile {
			return nil
		}
		b, err := policies.FS.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, File{Name: "policies/" + p, Content: b, Bundled: true})
		return nil
	})
	return files, err
}

// Load reads the bundled library and the user's policies and data.
func Load(opts Options) (*Library, error) {
	var files []File
	lib := &Library{Data: map[string]any{}, sources: map[string]File{}, modules: map[string]*ast.Module{}, bundled: map[string]bool{}, print: opts.PrintStatements}
	if !opts.NoBuiltin {
		b, err := BundledFiles(false)
		if err != nil {
			return nil, fmt.Errorf("reading the bundled library: %w", err)
		}
		if idx := bundledIndex(b); idx != nil {
			// The rules' metadata comes from the index; modules are parsed
			// only when a run compiles them.
			lib.Rules = append(lib.Rules, idx.Rules...)
			lib.deps = idx.Modules
			for _, f := range b {
				if strings.HasSuffix(f.Name, ".rego") {
					lib.sources[f.Name], lib.bundled[f.Name] = f, true
				} else if isDataFile(f.Name) {
					if err := lib.addData(f.Name, f.Content, true); err != nil {
						return nil, err
					}
				}
			}
		} else {
			files = append(files, b...)
		}
	}
	var errs Errors
	max := opts.MaxFileSize
	if max <= 0 {
		max = DefaultMaxFileSize
	}
	refuse := func(e *Error) {
		if opts.SkipRefused {
			lib.Refused = append(lib.Refused, e)
		} else {
			errs = append(errs, e)
		}
	}
	for _, dir := range opts.PolicyDirs {
		fsFiles, err := readDir(dir, max)
		for _, e := range err {
			if e.refused {
				refuse(e)
			} else {
				errs = append(errs, e)
			}
		}
		files = append(files, fsFiles...)
		if len(err) == 0 && !opts.EmptyDirsOK && !hasRego(fsFiles) {
			errs = append(errs, &Error{File: dir, Message: "no policy here: a policy folder needs at least one .rego file besides tests (data alone goes in with --data)"})
		}
	}
	files = append(files, opts.Files...)
	for i := range files {
		files[i].RegoVersion = versionOf(files[i], opts.RegoVersion)
	}
	parsed := parseAll(files, parserOptions)
	for i, f := range files {
		switch {
		case strings.HasSuffix(f.Name, ".rego"):
			if err := lib.addModule(f, parsed[i]); err != nil {
				errs = append(errs, err...)
			}
		case isDataFile(f.Name):
			if err := lib.addData(f.Name, f.Content, f.Bundled); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for _, name := range opts.DataFiles {
		b, err := confine.ReadFile(name, max)
		if err != nil {
			if e := readError(name, err); e.refused {
				refuse(e)
			} else {
				errs = append(errs, &Error{File: name, Message: "cannot read data file: " + describe(err)})
			}
			continue
		}
		if err := lib.addData(name, b, false); err != nil {
			errs = append(errs, err)
		}
	}
	conftest, cerrs := lib.conftestRules(opts.ConftestNamespaces, opts.AllConftestNamespaces)
	lib.Rules = append(lib.Rules, conftest...)
	errs = append(errs, cerrs...)
	errs = append(errs, lib.checkShadowing()...)
	errs = append(errs, lib.checkIDs()...)
	sort.Slice(lib.Rules, func(i, j int) bool { return lib.Rules[i].ID < lib.Rules[j].ID })
	if len(errs) > 0 {
		return lib, errs
	}
	return lib, nil
}

func hasRego(files []File) bool {
	for _, f := range files {
		if strings.HasSuffix(f.Name, ".rego") {
			return true
		}
	}
	return false
}

// UnderRoots says whether the slash-separated path p is at or under one of
// roots, segment by segment, as OPA reads a bundle manifest's roots ("" owns
// everything).
func UnderRoots(p string, roots []string) bool {
	for _, r := range roots {
		if r == "" || p == r || strings.HasPrefix(p, r+"/") {
			return true
		}
	}
	return false
}

// slashPath is a package path below data as a bundle root is written
// (kubeward/rules/acme), quoted segments included.
func slashPath(ref ast.Ref) string {
	segs := make([]string, 0, len(ref))
	for _, t := range ref[1:] {
		if s, ok := t.Value.(ast.String); ok {
			segs = append(segs, string(s))
		} else {
			segs = append(segs, t.Value.String())
		}
	}
	return strings.Join(segs, "/")
}

// checkShadowing refuses a user's module (a --policy folder's, a bundle's)
// that adds to a package of the built-in library: kubeward.lib helpers, the
// built-in rules' packages, or anything else under kubeward but
// kubeward.rules. Rego merges modules of one package, so such a module could
// add members to a helper's set, or make a helper conflict and fail, and
// change what built-in rules decide without any rule of its own being
// named. Replacing the library is done in the open, by leaving it out
// (--no-builtin, or a bundle built with --no-builtin).
func (l *Library) checkShadowing() Errors {
	owned := map[string]bool{}
	for name := range l.sources {
		if !l.bundled[name] {
			continue
		}
		if d, ok := l.deps[name]; ok {
			owned[d.Package] = true
		} else if m := l.modules[name]; m != nil {
			owned[m.Package.Path.String()] = true
		}
	}
	if len(owned) == 0 {
		return nil // the built-in library is left out: a user's library stands in for it
	}
	var errs Errors
	names := make([]string, 0, len(l.sources))
	for name := range l.sources {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		m := l.modules[name]
		if l.bundled[name] || m == nil {
			continue
		}
		pkg := m.Package.Path.String()
		reserved := pkg == "data.kubeward" || (strings.HasPrefix(pkg, "data.kubeward.") && !strings.HasPrefix(pkg, "data."+RulesPrefix))
		for p := pkg; !reserved && p != "data" && p != ""; p = p[:max(strings.LastIndexByte(p, '.'), 0)] {
			reserved = owned[p]
		}
		if reserved {
			e := &Error{File: name, Message: fmt.Sprintf("package %s belongs to the built-in library: a policy beside it may not add to it (put rules under kubeward.rules.<group>.<name>; to replace the library, leave it out with --no-builtin)", strings.TrimPrefix(pkg, "data."))}
			if m.Package.Location != nil {
				e.Line = m.Package.Location.Row
			}
			errs = append(errs, e)
		}
	}
	return errs
}

// DescribeError is an OS error as a message for a file's error: the reason,
// without the path the error repeats.
func DescribeError(err error) string { return describe(err) }

// IsDataFile reports whether name is a data file (JSON or YAML) of a policy folder.
func IsDataFile(name string) bool { return isDataFile(name) }

func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "no such file or directory"
	}
	return err.Error()
}

func isDataFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".json", ".yaml", ".yml":
		return true
	}
	return false
}

// readDir reads the Rego and data files of a user's policy folder. Tests are
// left out: they run with `kubeward test`, not during lint. The folder is
// read through a confine.Root: a link that leaves it, a file that is not
// regular and one over max bytes are refused, by name (Error.refused).
func readDir(dir string, max int64) ([]File, Errors) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, Errors{{File: dir, Message: "cannot read policy folder: " + describe(err)}}
	}
	wanted := func(p string) bool {
		return !strings.HasSuffix(p, "_test.rego") && (strings.HasSuffix(p, ".rego") || isDataFile(p))
	}
	if !info.IsDir() {
		if !wanted(dir) {
			return nil, nil
		}
		b, err := confine.ReadFile(dir, max)
		if err != nil {
			return nil, Errors{readError(dir, err)}
		}
		return []File{{Name: dir, Content: b}}, nil
	}
	root, err := confine.Open(dir, max)
	if err != nil {
		return nil, Errors{readError(dir, err)}
	}
	defer root.Close()
	var files []File
	var errs Errors
	err = fs.WalkDir(root.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
		p := root.Path(rel)
		if err != nil {
			errs = append(errs, readError(p, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if rel != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			if rel != "." && isSuiteDir(root, rel) {
				return fs.SkipDir // a fixture suite's manifests are input, not data
			}
			return nil
		}
		if !wanted(p) {
			return nil
		}
		b, err := root.ReadFile(rel)
		if err != nil {
			errs = append(errs, readError(p, err))
			return nil
		}
		files = append(files, File{Name: p, Content: b})
		return nil
	})
	if err != nil {
		errs = append(errs, readError(dir, err))
	}
	return files, errs
}

// readError is the Error of a failed read. The read model's refusals name
// the file (for a link, where it points) and are marked refused.
func readError(name string, err error) *Error {
	var ce *confine.Error
	if errors.As(err, &ce) {
		refused := errors.Is(err, confine.ErrOutside) || errors.Is(err, confine.ErrNotRegular) || errors.Is(err, confine.ErrTooLarge)
		return &Error{File: ce.Path, Message: ce.Reason, refused: refused}
	}
	return &Error{File: name, Message: "cannot read: " + describe(err)}
}

// isSuiteDir is IsSuiteDir for a folder below root.
func isSuiteDir(root *confine.Root, rel string) bool {
	_, err := root.Lstat(path.Join(rel, SuiteFile))
	return err == nil
}

// SuiteFile marks a fixture-suite folder (see engine/suite): it holds
// manifests and the findings expected on them.
const SuiteFile = "expected.yaml"

// IsSuiteDir reports whether dir is a fixture suite's folder.
func IsSuiteDir(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, SuiteFile))
	return err == nil
}

var parserOptions = ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}

// blankComments empties every line that is only a comment, keeping its
// newline.
func blankComments(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for len(src) > 0 {
		end := bytes.IndexByte(src, '\n')
		line := src
		if end >= 0 {
			line = src[:end+1]
		}
		if trimmed := bytes.TrimLeft(line, " \t"); len(trimmed) > 0 && trimmed[0] == '#' {
			if end >= 0 {
				out = append(out, '\n')
			}
		} else {
			out = append(out, line...)
		}
		src = src[len(line):]
	}
	return out
}

type parseResult struct {
	module *ast.Module
	err    error
}

// parseAll parses the Rego files on all cores: parsing is a third of the
// start-up time of a short run. Each file is parsed in its own Rego version
// (versionOf), opts.RegoVersion being the default.
func parseAll(files []File, opts ast.ParserOptions) []parseResult {
	out := make([]parseResult, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				o := opts
				o.RegoVersion = versionOf(files[i], opts.RegoVersion)
				m, err := ast.ParseModuleWithOpts(files[i].Name, string(files[i].Content), o)
				out[i] = parseResult{m, err}
			}
		}()
	}
	for i, f := range files {
		if strings.HasSuffix(f.Name, ".rego") {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	return out
}

func (l *Library) addModule(f File, p parseResult) Errors {
	m, err := p.module, p.err
	if err != nil {
		errs := fromAST(f.Name, err)
		if hint := versionHint(f, f.RegoVersion); hint != "" && len(errs) > 0 {
			errs[0].Message += ": " + hint
		}
		return errs
	}
	if _, dup := l.sources[f.Name]; dup {
		return Errors{{File: f.Name, Message: "policy file loaded twice"}}
	}
	if f.Roots != nil {
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !UnderRoots(slashPath(m.Package.Path), f.Roots) {
			e := &Error{File: f.Name, Message: fmt.Sprintf("package %s is outside the roots %s declares (%s): a bundle may only define what it owns",
				pkg, f.RootsOf, strings.Join(f.Roots, ", "))}
			if m.Package.Location != nil {
				e.Line = m.Package.Location.Row
			}
			return Errors{e}
		}
	}
	l.sources[f.Name], l.modules[f.Name], l.bundled[f.Name] = f, m, f.Bundled
	r, errs := ruleOf(f, m)
	if r != nil {
		l.Rules = append(l.Rules, r)
	}
	return errs
}

// addData merges a YAML or JSON document into data at its root.
func (l *Library) addData(name string, content []byte, bundled bool) *Error {
	js, err := yaml.YAMLToJSON(content)
	if err != nil {
		return &Error{File: name, Message: "invalid data file: " + err.Error()}
	}
	var v any
	if err := json.Unmarshal(js, &v); err != nil {
		return &Error{File: name, Message: "invalid data file: " + err.Error()}
	}
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return &Error{File: name, Message: "a data file must hold a mapping at its top level"}
	}
	if kw, _ := m["kubeward"].(map[string]any); !bundled && kw != nil {
		// The engine reads the table compiled in: a different one in data
		// would make the Rego helpers and the engine disagree. The same one
		// is the library's own file read from disk (kubeward test policies/).
		if v, ok := kw["kinds"]; ok && !reflect.DeepEqual(v, bundledKinds()) {
			return &Error{File: name, Message: "data.kubeward.kinds is kubeward's own kind table (policies/kinds.yaml) and cannot be changed by a data file"}
		}
	}
	merge(l.Data, m)
	return nil
}

// bundledKinds is data.kubeward.kinds as the embedded kinds.yaml holds it.
var bundledKinds = sync.OnceValue(func() any {
	b, err := policies.FS.ReadFile("kinds.yaml")
	if err != nil {
		return nil
	}
	var doc struct {
		Kubeward struct {
			Kinds any `json:"kinds"`
		} `json:"kubeward"`
	}
	if yaml.Unmarshal(b, &doc) != nil {
		return nil
	}
	return doc.Kubeward.Kinds
})

// merge deep-merges src into dst: mappings merge, anything else replaces.
func merge(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				merge(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

var idPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*$`)

func (l *Library) checkIDs() Errors {
	var errs Errors
	seen := map[string]*Rule{}
	for _, r := range l.Rules {
		if prev, dup := seen[strings.ToUpper(r.ID)]; dup {
			errs = append(errs, &Error{File: r.File, Line: r.Line, Message: fmt.Sprintf("rule id %s is already used by %s:%d", r.ID, prev.File, prev.Line)})
			continue
		}
		seen[strings.ToUpper(r.ID)] = r
	}
	for _, r := range l.Rules {
		for _, o := range r.Overrides {
			if seen[strings.ToUpper(o)] == nil {
				errs = append(errs, &Error{File: r.File, Line: r.Line, Message: fmt.Sprintf("rule %s overrides %s, which does not exist", r.ID, o)})
			}
		}
	}
	return errs
}

func fromAST(file string, err error) Errors {
	var astErrs ast.Errors
	if !errors.As(err, &astErrs) {
		return Errors{{File: file, Message: err.Error()}}
	}
	out := make(Errors, 0, len(astErrs))
	for _, e := range astErrs {
		pe := &Error{File: file, Message: e.Message}
		if e.Location != nil {
			if e.Location.File != "" {
				pe.File = e.Location.File
			}
			pe.Line, pe.Column = e.Location.Row, e.Location.Col
		}
		out = append(out, pe)
	}
	return out
}

// IsBundled reports whether the module of that name is from the embedded
// library.
func (l *Library) IsBundled(name string) bool { return l.bundled[name] }
