package kustomize

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	yaml "go.yaml.in/yaml/v3"
	"sigs.k8s.io/kustomize/api/konfig"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/load"
)

// maxMergedList is the longest list a strategic-merge patch may merge into.
// Kustomize's merge (kyaml walk, setAssociativeSequenceElements) looks each
// element up by scanning the list, so its time grows with the square of the
// list's length, whatever the patch's size: on a shared 2-core machine a
// one-container patch on a Deployment of 2,000 containers took 15 s, a
// one-entry patch on 3,000 finalizers 35 s. 1,000 entries is far beyond any
// real container, env, port or volume list.
const maxMergedList = 1000

// helmRefused is the message for kustomize's Helm support, which runs helm.
const helmRefused = "helmCharts in a kustomization are not rendered (kubeward does not run helm or fetch charts); lint the chart itself or the kustomize output piped in"

// pathFields are the kustomization fields whose entries are files or
// folders, with what an entry is called in messages.
var pathFields = map[string]string{
	"resources":             "resource",
	"bases":                 "base",
	"components":            "component",
	"crds":                  "CRD file",
	"configurations":        "configuration",
	"generators":            "generator",
	"transformers":          "transformer",
	"validators":            "validator",
	"patchesStrategicMerge": "patch",
}

// inspect checks one file before kustomize parses it: its documents within
// the node and depth limits, and, for a kustomization or a builtin plugin
// configuration, every path or URL in it. It returns the documents (none for
// a file that is not YAML: a generator's data file).
func (f *confinedFS) inspect(rel string, data []byte) ([]*yaml.Node, []load.Error) {
	if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
		return nil, nil
	}
	docs, errs, bad := f.parse(rel, 0, data)
	if len(errs) > 0 {
		return nil, errs
	}
	// Kustomize reads kustomizations with another YAML parser (go-yaml v2,
	// through sigs.k8s.io/yaml), which accepts what this one refuses
	// (duplicate keys, the last winning): what cannot be checked is not
	// handed over. Other files may be anything (a generator's data), but one
	// that could be a builtin plugin's configuration must parse.
	if bad != nil && (isKustomizationFile(rel) || bytes.Contains(data, []byte(konfig.BuiltinPluginApiVersion))) {
		return nil, []load.Error{*bad}
	}
	if isKustomizationFile(rel) {
		if len(docs) > 0 {
			_, errs = f.checkKustomization(rel, docs[0])
		}
		return docs, errs
	}
	for _, d := range docs {
		errs = append(errs, f.checkPlugin(rel, "", 0, d)...)
	}
	return docs, append(errs, f.checkLists(rel, docs)...)
}

// parse reads the YAML documents of data (text found at line+1 of file),
// refusing one that expands, aliases included, past the node or depth
// limit. A document that does not parse ends the list: kustomize reports it.
func (f *confinedFS) parse(file string, line int, data []byte) ([]*yaml.Node, []load.Error, *load.Error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				return docs, nil, nil
			}
			return docs, nil, &load.Error{File: f.userPath(file), Line: line, Message: "does not parse as YAML, so it cannot be checked and kustomize is not run on it: " + err.Error()}
		}
		e := expansion{memo: map[*yaml.Node]size{}, open: map[*yaml.Node]bool{}, max: f.limits.MaxNodes}
		s, err := e.of(&doc)
		at := func(format string, args ...any) []load.Error {
			col := doc.Column
			if line > 0 {
				col = 0
			}
			return []load.Error{{File: f.userPath(file), Line: line + doc.Line, Column: col, Message: fmt.Sprintf(format, args...)}}
		}
		var ne *nodeError
		switch {
		case errors.As(err, &ne):
			col := ne.node.Column
			if line > 0 {
				col = 0
			}
			return nil, []load.Error{{File: f.userPath(file), Line: line + ne.node.Line, Column: col, Message: ne.msg + "; kustomize was not run on it"}}, nil
		case err != nil:
			return nil, at("%s", err.Error()), nil
		case s.nodes > f.limits.MaxNodes:
			return nil, at("document has more than %d values after expanding aliases (limit --max-nodes); kustomize was not run on it", f.limits.MaxNodes), nil
		case s.depth > f.limits.MaxDepth:
			return nil, at("document nests deeper than %d levels (limit --max-depth); kustomize was not run on it", f.limits.MaxDepth), nil
		}
		docs = append(docs, &doc)
	}
}

// expansion measures what a node tree becomes once its aliases are
// expanded, without expanding them: each node is measured once.
type expansion struct {
	memo map[*yaml.Node]size
	open map[*yaml.Node]bool
	max  int
}

type size struct{ nodes, depth int }

// nodeError is a problem at a node.
type nodeError struct {
	node *yaml.Node
	msg  string
}

func (e *nodeError) Error() string { return e.msg }

func (e *expansion) of(n *yaml.Node) (size, error) {
	// Only an anchored node can be reached twice (through an alias), or
	// from inside itself: only those are remembered, which keeps the count
	// as cheap as one walk of the tree.
	anchored := n.Anchor != ""
	if anchored {
		if s, ok := e.memo[n]; ok {
			return s, nil
		}
		if e.open[n] {
			return size{}, &nodeError{n, "an alias refers to the node that contains it, which would expand for ever"}
		}
		e.open[n] = true
		defer delete(e.open, n)
	}
	var s size
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return size{}, &nodeError{n, fmt.Sprintf("unknown alias %q", n.Value)}
		}
		a, err := e.of(n.Alias)
		if err != nil {
			return size{}, err
		}
		s = a
	case yaml.DocumentNode, yaml.MappingNode, yaml.SequenceNode:
		s.nodes = 1
		for _, c := range n.Content {
			cs, err := e.of(c)
			if err != nil {
				return size{}, err
			}
			// Saturate: an alias bomb's true size does not fit an int.
			s.nodes = min(s.nodes+cs.nodes, e.max+1)
			s.depth = max(s.depth, cs.depth)
		}
		if n.Kind != yaml.DocumentNode {
			s.depth++
		}
	default:
		s = size{nodes: 1, depth: 0}
	}
	if anchored {
		e.memo[n] = s
	}
	return s, nil
}

// resolve follows an alias to its node.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return resolve(n.Content[0])
	}
	return n
}

// pairs calls fn for each key and value of mapping n.
func pairs(n *yaml.Node, fn func(key string, k, v *yaml.Node)) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i].Value, n.Content[i], resolve(n.Content[i+1]))
	}
}

// items is the entries of sequence n (a lone scalar counts as one).
func items(n *yaml.Node) []*yaml.Node {
	n = resolve(n)
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.SequenceNode:
		out := make([]*yaml.Node, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, resolve(c))
		}
		return out
	case n.Kind == yaml.ScalarNode:
		return []*yaml.Node{n}
	}
	return nil
}

func scalar(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	return n.Value, true
}

// ref is a local file or folder a kustomization names.
type ref struct {
	field  string
	target string // relative to the root
}

// refs collects what a check found.
type refs struct {
	f    *confinedFS
	file string // the file being checked, relative to the root
	kdir string // the kustomization's folder entries are relative to ("" when unknown)
	line int    // lines before the text checked (inline configurations)
	list []ref
	errs []load.Error
}

func (r *refs) errorAt(n *yaml.Node, format string, args ...any) {
	col := n.Column
	if r.line > 0 {
		col = 0 // a column inside a string is not one of the file
	}
	r.errs = append(r.errs, load.Error{File: r.f.userPath(r.file), Line: r.line + n.Line, Column: col, Message: fmt.Sprintf(format, args...)})
}

// check refuses an entry that is remote, absolute, or leads outside the
// root (through ".." or a link), and keeps a local one.
func (r *refs) check(field, what string, n *yaml.Node, value string) {
	if isRemote(value) {
		r.errorAt(n, "remote %s %q refused: kubeward builds kustomizations without the network or git; vendor it and refer to the local copy", what, value)
		return
	}
	if filepath.IsAbs(value) || strings.HasPrefix(value, "/") || strings.HasPrefix(value, `\`) {
		r.errorAt(n, "%s %q refused: an absolute path; kubeward reads a kustomization's files only beneath %s", what, value, r.f.name)
		return
	}
	if r.kdir == "" {
		return
	}
	target := path.Clean(path.Join(r.kdir, filepath.ToSlash(value)))
	if target == ".." || strings.HasPrefix(target, "../") {
		r.errorAt(n, "%s %q refused: it leads outside %s, the folder kubeward builds this kustomization in", what, value, r.f.name)
		return
	}
	info, err := r.f.root.Stat(target)
	if err != nil {
		var ce *confine.Error
		if errors.As(err, &ce) && errors.Is(err, confine.ErrOutside) {
			r.errorAt(n, "%s %q refused: %s", what, value, ce.Error())
		}
		return // missing: kustomize says so, or it is inline content
	}
	if !info.IsDir() && !info.Mode().IsRegular() {
		r.errorAt(n, "%s %q refused: %s is not a regular file", what, value, r.f.userPath(target))
		return
	}
	r.list = append(r.list, ref{field: field, target: target})
}

// inline checks YAML written inside a string of the file (an inline patch or
// plugin configuration): its size, its plugin paths, the lists it merges.
func (r *refs) inline(n *yaml.Node, text string, plugin bool) {
	docs, errs, bad := r.f.parse(r.file, r.line+n.Line, []byte(text))
	r.errs = append(r.errs, errs...)
	if bad != nil && plugin {
		r.errs = append(r.errs, *bad) // kustomize parses it with go-yaml v2
	}
	for _, d := range docs {
		if plugin {
			sub := refs{f: r.f, file: r.file, kdir: r.kdir, line: r.line + n.Line}
			sub.plugin(d)
			r.errs = append(r.errs, sub.errs...)
			r.list = append(r.list, sub.list...)
		} else {
			r.f.mergeInto(d)
		}
	}
}

// files checks a generator's files, envs and env.
func (r *refs) files(m *yaml.Node) {
	pairs(m, func(key string, _, v *yaml.Node) {
		switch key {
		case "files", "envs", "env":
			for _, e := range items(v) {
				if s, ok := scalar(e); ok {
					if key == "files" {
						if _, file, found := strings.Cut(s, "="); found {
							s = file
						}
					}
					r.check(key, "generator file", e, strings.TrimSpace(s))
				}
			}
		}
	})
}

// checkKustomization checks every path and URL of a kustomization and
// returns the local ones.
func (f *confinedFS) checkKustomization(file string, doc *yaml.Node) ([]ref, []load.Error) {
	r := refs{f: f, file: file, kdir: path.Dir(file)}
	pairs(doc, func(key string, k, v *yaml.Node) {
		switch key {
		case "resources", "bases", "components", "crds", "configurations", "generators", "transformers", "validators", "patchesStrategicMerge":
			if key == "transformers" && len(items(v)) > 0 {
				f.mergeAll()
			}
			for _, e := range items(v) {
				s, ok := scalar(e)
				switch {
				case !ok:
				case strings.Contains(s, "\n") && key == "patchesStrategicMerge":
					r.inline(e, s, false)
				case strings.Contains(s, "\n") && key != "resources" && key != "bases" && key != "components" && key != "crds" && key != "configurations":
					r.inline(e, s, true)
				default:
					r.check(key, pathFields[key], e, s)
				}
			}
		case "patches", "patchesJson6902", "replacements":
			for _, e := range items(v) {
				pairs(e, func(field string, _, fv *yaml.Node) {
					s, ok := scalar(fv)
					switch {
					case !ok:
					case field == "path":
						what := "patch"
						if key == "replacements" {
							what = "replacement"
						}
						r.check(key, what, fv, s)
					case field == "patch":
						r.inline(fv, s, false)
					}
				})
			}
		case "openapi":
			pairs(v, func(field string, _, fv *yaml.Node) {
				if s, ok := scalar(fv); ok && field == "path" {
					r.check(key, "OpenAPI schema", fv, s)
				}
			})
		case "configMapGenerator", "secretGenerator":
			for _, e := range items(v) {
				r.files(e)
			}
		case "helmCharts", "helmChartInflationGenerator", "helmGlobals":
			if v != nil && len(v.Content) > 0 {
				r.errorAt(k, "%s", helmRefused)
			}
		}
	})
	return r.list, r.errs
}

// checkPlugin checks a builtin plugin configuration (apiVersion: builtin):
// the only plugins kustomize runs for kubeward, some of which read files.
func (f *confinedFS) checkPlugin(file, kdir string, line int, doc *yaml.Node) []load.Error {
	r := refs{f: f, file: file, kdir: kdir, line: line}
	r.plugin(doc)
	return r.errs
}

func (r *refs) plugin(doc *yaml.Node) {
	var apiVersion, kind string
	pairs(doc, func(key string, _, v *yaml.Node) {
		switch key {
		case "apiVersion":
			apiVersion, _ = scalar(v)
		case "kind":
			kind, _ = scalar(v)
		}
	})
	if apiVersion != konfig.BuiltinPluginApiVersion {
		return // kustomize refuses any other plugin (builtins only)
	}
	if kind == "HelmChartInflationGenerator" {
		r.errorAt(resolve(doc), "%s", helmRefused)
		return
	}
	if kind == "ConfigMapGenerator" || kind == "SecretGenerator" {
		r.files(doc)
		return
	}
	pairs(doc, func(key string, _, v *yaml.Node) {
		switch key {
		case "path", "targetFilePath":
			if s, ok := scalar(v); ok {
				r.check("transformers", "patch", v, s)
			}
		case "paths":
			for _, e := range items(v) {
				if s, ok := scalar(e); ok && strings.Contains(s, "\n") {
					r.inline(e, s, false)
				} else if ok {
					r.check("transformers", "patch", e, s)
				}
			}
		case "patch", "patches":
			if s, ok := scalar(v); ok {
				r.inline(v, s, false)
			}
		case "replacements":
			for _, e := range items(v) {
				pairs(e, func(field string, _, fv *yaml.Node) {
					if s, ok := scalar(fv); ok && field == "path" {
						r.check("transformers", "replacement", fv, s)
					}
				})
			}
		}
	})
}

// mergeInto notes the keys under which a patch has lists: resources read
// later must not have longer lists there than maxMergedList.
func (f *confinedFS) mergeInto(doc *yaml.Node) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.mergedKeys == nil {
		f.mergedKeys = map[string]bool{}
	}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > f.limits.MaxDepth {
			return
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if v := resolve(n.Content[i+1]); v != nil && v.Kind == yaml.SequenceNode {
					f.mergedKeys[n.Content[i].Value] = true
				}
			}
		}
		for _, c := range n.Content {
			if c.Kind != yaml.AliasNode {
				walk(c, depth+1)
			}
		}
	}
	walk(doc, 0)
}

// mergeAll notes that a transformer of the build may merge lists anywhere.
func (f *confinedFS) mergeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.mergedKeys == nil {
		f.mergedKeys = map[string]bool{}
	}
	f.mergedKeys["*"] = true
}

// checkLists refuses a list longer than maxMergedList under a key a patch
// of the build merges into.
func (f *confinedFS) checkLists(file string, docs []*yaml.Node) []load.Error {
	f.mu.Lock()
	keys := f.mergedKeys
	f.mu.Unlock()
	if len(keys) == 0 {
		return nil
	}
	var errs []load.Error
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > f.limits.MaxDepth || len(errs) > 0 {
			return
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], resolve(n.Content[i+1])
				if v != nil && v.Kind == yaml.SequenceNode && len(v.Content) > maxMergedList && (keys["*"] || keys[k.Value]) {
					errs = append(errs, load.Error{File: f.userPath(file), Line: k.Line, Column: k.Column, Message: fmt.Sprintf(
						"list %q has %d entries and a patch of this kustomization merges into %q lists; kubeward refuses lists of more than %d entries there (kustomize's strategic merge takes time that grows with the square of a list's length)",
						k.Value, len(v.Content), k.Value, maxMergedList)})
					return
				}
			}
		}
		for _, c := range n.Content {
			if c.Kind != yaml.AliasNode {
				walk(c, depth+1)
			}
		}
	}
	for _, d := range docs {
		walk(d, 0)
	}
	return errs
}

// schemeLike is a URL scheme or an scp-like host ("https:", "git::",
// "github.com:org/repo"); userAt is an scp-like user ("git@host:repo").
var (
	schemeLike = regexp.MustCompile(`^[a-z][a-z0-9+.\-]*:`)
	userAt     = regexp.MustCompile(`^[a-z][a-z0-9\-]*@`)
)

// isRemote reports whether kustomize could read ref from the network or
// with git. It is wider than kustomize's own tests (url.Parse with an http
// scheme; git.NewRepoSpecFromURL, which ignores case and a "git::" prefix):
// anything that starts like a scheme, a user@ or a well-known host, in any
// case, is remote to kubeward.
func isRemote(ref string) bool {
	s := strings.ToLower(strings.TrimSpace(ref))
	if schemeLike.MatchString(s) || userAt.MatchString(s) {
		return true
	}
	for _, p := range []string{"github.com/", "gitlab.com/", "bitbucket.org/"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return strings.Contains(s, "?ref=") || strings.Contains(s, "?version=") || strings.Contains(s, ".git//")
}

// walk reads the kustomization tree from the folder kdir (relative to the
// root) before kustomize does, so that every refusal is found and named at
// its line, and the patches' lists are known before any resource is read.
func (f *confinedFS) walk(kdir string, visited map[string]bool) {
	if visited[kdir] || f.ctx.Err() != nil {
		return
	}
	visited[kdir] = true
	kfile := ""
	for _, n := range konfig.RecognizedKustomizationFileNames() {
		p := path.Join(kdir, n)
		info, err := f.root.Stat(p)
		if err != nil {
			_ = f.refusal(err)
			continue
		}
		if !info.IsDir() {
			kfile = p
			break
		}
	}
	if kfile == "" {
		return
	}
	_, docs, err := f.read(kfile)
	if err != nil || len(docs) == 0 {
		return
	}
	list, _ := f.checkKustomization(kfile, docs[0])
	for _, r := range list {
		info, err := f.root.Stat(r.target)
		if err != nil {
			continue
		}
		switch r.field {
		case "resources", "bases", "components", "generators", "transformers", "validators":
			if info.IsDir() {
				f.walk(r.target, visited)
			} else if r.field != "resources" {
				_, _, _ = f.read(r.target)
			}
		case "patches", "patchesStrategicMerge", "patchesJson6902":
			if _, docs, err := f.read(r.target); err == nil {
				for _, d := range docs {
					f.mergeInto(d)
				}
			}
		}
	}
}
