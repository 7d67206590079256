package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/load/fastyaml"
)

// StdinName is how objects read from standard input are named in reports.
const StdinName = "<stdin>"

// Options configure loading.
type Options struct {
	Limits Limits
	// Stdin is read for the path "-" (os.Stdin when nil).
	Stdin io.Reader
	// Workers is how many files are parsed at once (all cores when 0).
	Workers int
	// Exclude, when set, says which files are not read (given or found in a folder).
	Exclude func(file string) bool
	// Renderers turn inputs that are not plain YAML (a Helm chart, a
	// kustomization) into objects. A folder one of them claims is rendered,
	// not walked; a file it claims is rendered, not parsed.
	Renderers []Renderer
	// Loaded, when set, is called with the objects of each plain file (not
	// stdin, not a rendered source) and the file's size in bytes, from the
	// goroutine that parsed it; what it returns is kept instead. A caller
	// that can read the file again (ReadFile) keeps less of a large input.
	Loaded func(size int, objs []*Object) []*Object
	// StrictInput makes a file none of whose documents is a Kubernetes
	// object an error (one per document) instead of a skipped file.
	StrictInput bool

	// only, when set, maps the chunks of a file to parse (ReadAgain) to the
	// number of documents before each.
	only map[int]int
	// ctx is Load's: a file of many documents stops between two of them.
	ctx context.Context
}

// Renderer is a source of objects that must be rendered before they are
// linted. Render gets the Limits to parse its output with, so that positions
// and limits stay those of plain files (load.Parse).
type Renderer interface {
	// Claims reports whether the renderer owns path (a folder when dir).
	Claims(path string, dir bool) bool
	Render(ctx context.Context, path string, limits Limits) ([]*Object, []Error)
}

type inputRootKey struct{}

// InputRoot is the path named on the command line (or to Load) under which
// the path a Renderer renders was found: the path itself when it was named,
// the walked folder otherwise; "" outside Load. A renderer may read beneath
// it (a kustomize overlay's base in a sibling folder), never above.
func InputRoot(ctx context.Context) string {
	root, _ := ctx.Value(inputRootKey{}).(string)
	return root
}

// Result is everything read from the input paths, in input order.
type Result struct {
	Objects []*Object
	Errors  []Error
	Files   int
	// Excluded is how many files Options.Exclude left unread.
	Excluded int
	// Skipped are the files none of whose documents is a Kubernetes object
	// (a compose file, package.json, a Helm values file), in input order.
	// They are not errors unless Options.StrictInput.
	Skipped []string
}

// ConfigFileName is the configuration file (engine/config) that walking a
// folder skips.
const ConfigFileName = ".kubeward.yaml"

// Extensions are the file endings read when walking a folder.
var Extensions = []string{".yaml", ".yml", ".json"}

// Load reads every path: files, folders (recursively, by Extensions) and "-"
// for stdin. Problems are collected per file and document; they never stop the
// rest of the input from being read.
func Load(ctx context.Context, paths []string, opts Options) Result {
	opts.Limits = opts.Limits.WithDefaults()
	opts.ctx = ctx
	var res Result
	files, roots, errs := expand(ctx, paths, opts.Renderers, opts.Limits.MaxFileSize)
	defer closeAll(roots)
	res.Errors = append(res.Errors, errs...)
	if opts.Exclude != nil {
		kept := files[:0]
		for _, f := range files {
			if f.path != "-" && opts.Exclude(f.path) {
				res.Excluded++
				continue
			}
			kept = append(kept, f)
		}
		files = kept
	}
	res.Files = len(files)

	type fileResult struct {
		objects []*Object
		errors  []Error
	}
	results := make([]fileResult, len(files))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if r := files[i].renderer; r != nil {
					objs, errs := r.Render(context.WithValue(ctx, inputRootKey{}, files[i].named), files[i].path, opts.Limits)
					results[i] = fileResult{objs, Staged(errs, StageSource)}
					continue
				}
				objs, errs, size := readFile(files[i], opts)
				if opts.Loaded != nil && len(objs) > 0 {
					objs = opts.Loaded(size, objs)
				}
				results[i] = fileResult{objs, errs}
			}
		}()
	}
	// stdin is read here, once, before the workers could race for it.
	for i, f := range files {
		if f.path == "-" && f.renderer == nil {
			files[i].path = StdinName
			objs, errs := readStdin(opts)
			results[i] = fileResult{objs, errs}
		}
	}
	for i, f := range files {
		if f.path == StdinName && f.renderer == nil {
			continue
		}
		if ctx.Err() != nil {
			results[i].errors = []Error{{File: f.path, Message: "not read: " + ctx.Err().Error()}}
			continue
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for i, r := range results {
		if !opts.StrictInput && len(r.objects) == 0 && onlyNotObjects(r.errors) {
			res.Skipped = append(res.Skipped, files[i].path)
			continue
		}
		res.Objects = append(res.Objects, r.objects...)
		res.Errors = append(res.Errors, clearNotObject(r.errors)...)
	}
	return res
}

// onlyNotObjects reports whether errs are all documents that are no
// Kubernetes object: a file that mixes them with objects, or that has any
// other problem (invalid YAML, a half-written object), stays an error.
func onlyNotObjects(errs []Error) bool {
	for _, e := range errs {
		if !e.notObject {
			return false
		}
	}
	return len(errs) > 0
}

// clearNotObject drops the mark, so that errors compare by what they say.
func clearNotObject(errs []Error) []Error {
	for i := range errs {
		errs[i].notObject = false
	}
	return errs
}

// input is one file to read, or one path to render.
type input struct {
	path     string
	renderer Renderer
	// root is the folder walked to find the file (nil for a path given):
	// the file is read through it, as rel, so that a link cannot take the
	// read out of the folder.
	root *confine.Root
	rel  string
	// named is the path named on the command line it was found under, for
	// a renderer (InputRoot).
	named string
}

func claim(renderers []Renderer, path string, dir bool) Renderer {
	for _, r := range renderers {
		if r.Claims(path, dir) {
			return r
		}
	}
	return nil
}

// expand turns the input paths into the list of files to read, in a stable
// order. A folder is walked, and its files later read, through a confine.Root
// of it (returned, to be closed once they are read): links that leave the
// folder and files that are not regular are refused, by name, when read.
func expand(ctx context.Context, paths []string, renderers []Renderer, maxFileSize int64) ([]input, []*confine.Root, []Error) {
	var files []input
	var roots []*confine.Root
	var errs []Error
	for _, p := range paths {
		if p == "-" {
			files = append(files, input{path: p})
			continue
		}
		// A path given may be a link, and is followed: the user named it.
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, Error{File: p, Message: describeOSError(err)})
			continue
		}
		if r := claim(renderers, p, info.IsDir()); r != nil {
			files = append(files, input{path: p, renderer: r, named: p})
			continue
		}
		if !info.IsDir() {
			files = append(files, input{path: p})
			continue
		}
		root, err := confine.Open(p, maxFileSize)
		if err != nil {
			errs = append(errs, readError(p, err))
			continue
		}
		roots = append(roots, root)
		var found []input
		// The walk lists folders through the root and does not follow links
		// (a link is listed as itself; one named like a manifest is read,
		// and refused if it leaves the folder).
		walkErr := fs.WalkDir(root.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
			// A tree of millions of files must not hold up a Ctrl-C.
			if ctx.Err() != nil {
				return ctx.Err()
			}
			path := root.Path(rel)
			if err != nil {
				errs = append(errs, readError(path, err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				// Hidden folders (.git, .github) hold no manifests to lint.
				if rel != "." && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				// A chart or kustomization inside the folder is rendered
				// whole; its files are not manifests on their own.
				if r := claim(renderers, path, true); r != nil && rel != "." {
					found = append(found, input{path: path, renderer: r, named: p})
					return fs.SkipDir
				}
				return nil
			}
			// kubeward's own configuration is not a manifest.
			if hasExtension(path) && d.Name() != ConfigFileName {
				found = append(found, input{path: path, root: root, rel: rel})
			}
			return nil
		})
		if walkErr != nil {
			errs = append(errs, readError(p, walkErr))
		}
		sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
		files = append(files, found...)
	}
	return files, roots, errs
}

func closeAll(roots []*confine.Root) {
	for _, r := range roots {
		r.Close()
	}
}

// readError is the Error of a failed read of path. A refusal of the read
// model names its own path (for a link, the link) and why, never the bytes
// of what it refused to read.
func readError(path string, err error) Error {
	var ce *confine.Error
	if errors.As(err, &ce) {
		msg := ce.Reason
		if errors.Is(err, confine.ErrNotRegular) && !strings.Contains(msg, "folder") {
			msg += " (to lint a stream, pipe it to standard input: -)"
		}
		return Error{File: ce.Path, Message: msg}
	}
	return Error{File: path, Message: describeOSError(err)}
}

func hasExtension(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

func describeOSError(err error) string { return confine.Describe(err) }

// ReadAgain reads file again, as Load does, but parses only the documents
// that hold objs, objects read from it before (whole or
// projected): the objects it returns are those of these documents, the same
// as when they were first read if the file is unchanged. A file found by
// walking a folder is read through that folder again.
func ReadAgain(name string, opts Options, objs []*Object) ([]*Object, []Error) {
	opts.Limits = opts.Limits.WithDefaults()
	opts.only = make(map[int]int, len(objs))
	in := input{path: name}
	dir := ""
	for _, o := range objs {
		opts.only[o.chunk] = o.chunkDoc
		if o.walkDir != "" {
			dir, in.rel = o.walkDir, o.walkRel
		}
	}
	if dir != "" {
		root, err := confine.Open(dir, opts.Limits.MaxFileSize)
		if err != nil {
			return nil, []Error{readError(name, err)}
		}
		defer root.Close()
		in.root = root
	}
	found, errs, _ := readFile(in, opts)
	return found, clearNotObject(errs)
}

// readFile also returns the number of bytes read. Only a regular file is
// opened: a FIFO or device is refused by type, before it can block.
func readFile(in input, opts Options) ([]*Object, []Error, int) {
	name := in.path
	var f *os.File
	var err error
	if in.root != nil {
		f, err = in.root.Open(in.rel)
	} else {
		f, err = confine.OpenFile(name)
	}
	if err != nil {
		return nil, []Error{readError(name, err)}, 0
	}
	defer f.Close()
	objs, errs, n := readOpened(name, f, opts)
	if in.root != nil {
		for _, o := range objs {
			o.walkDir, o.walkRel = in.root.Dir(), in.rel
		}
	}
	return objs, errs, n
}

func readOpened(name string, f *os.File, opts Options) ([]*Object, []Error, int) {
	info, err := f.Stat()
	if err == nil && info.Size() > opts.Limits.MaxFileSize {
		return nil, []Error{{File: name, Message: fmt.Sprintf("file is %s, larger than the %s limit (--max-file-size)", humanBytes(info.Size()), humanBytes(opts.Limits.MaxFileSize))}}, 0
	}
	if err == nil && info.Mode().IsRegular() {
		// The size is known: one buffer of that size, instead of io.ReadAll's
		// doublings (their copying and zeroing were 5 % of a large run's CPU).
		// One byte more than the size sees a file that grew meanwhile.
		buf := getBuffer(int(info.Size()) + 1)
		defer putBuffer(buf)
		data := (*buf)[:info.Size()+1]
		n, err := io.ReadFull(f, data)
		switch {
		case err == nil:
			// Grew since the Stat: read the rest under the limit as a stream.
			return readStream(name, io.MultiReader(bytes.NewReader(data), f), opts)
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			objs, errs := parseChunks(opts.ctx, name, data[:n], opts.Limits, opts.only)
			return objs, errs, n
		default:
			return nil, []Error{{File: name, Message: "cannot read: " + describeOSError(err)}}, 0
		}
	}
	return readStream(name, f, opts)
}

// readBuffers hold the bytes of files being parsed, for reuse by the next
// file: nothing parsed from a file refers to them (the YAML parser copies
// what it reads, and every string kept is its own), and a run reads as many
// bytes as its input holds. Larger buffers than maxPooledBuffer are left to
// the collector, so the pool does not keep a large file's worth alive.
var readBuffers sync.Pool // of *[]byte

const maxPooledBuffer = 1 << 20

func getBuffer(size int) *[]byte {
	// A buffer too small is dropped, not put back: the pool holds about one
	// buffer per file being read, the largest.
	if b, ok := readBuffers.Get().(*[]byte); ok && cap(*b) >= size {
		return b
	}
	b := make([]byte, size, max(size, 64<<10))
	return &b
}

func putBuffer(b *[]byte) {
	if cap(*b) <= maxPooledBuffer {
		readBuffers.Put(b)
	}
}

func readStdin(opts Options) ([]*Object, []Error) {
	r := opts.Stdin
	if r == nil {
		r = os.Stdin
	}
	objs, errs, _ := readStream(StdinName, r, opts)
	return objs, errs
}

func readStream(name string, r io.Reader, opts Options) ([]*Object, []Error, int) {
	data, err := io.ReadAll(io.LimitReader(r, opts.Limits.MaxFileSize+1))
	if err != nil {
		return nil, []Error{{File: name, Message: "cannot read: " + describeOSError(err)}}, 0
	}
	if int64(len(data)) > opts.Limits.MaxFileSize {
		return nil, []Error{{File: name, Message: fmt.Sprintf("input is larger than the %s limit (--max-file-size)", humanBytes(opts.Limits.MaxFileSize))}}, 0
	}
	objs, errs := parseChunks(opts.ctx, name, data, opts.Limits, opts.only)
	return objs, errs, len(data)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// Parse reads the objects of one file's content. name is used in errors and
// in every object's Source.
func Parse(name string, data []byte, limits Limits) ([]*Object, []Error) {
	objs, errs := parseChunks(context.Background(), name, data, limits, nil)
	return objs, clearNotObject(errs)
}

// parseChunks is Parse; only, when not nil, maps the chunks to parse to the number
// of documents before each (the others are skipped).
func parseChunks(ctx context.Context, name string, data []byte, limits Limits, only map[int]int) ([]*Object, []Error) {
	limits = limits.WithDefaults()
	if i := bytes.IndexByte(data[:min(len(data), 8000)], 0); i >= 0 {
		return nil, []Error{{File: name, Message: "binary file (it contains NUL bytes); expected YAML or JSON"}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []Error{{File: name, Message: "empty file: no YAML or JSON document in it"}}
	}
	var chunks []chunk
	isJSON := strings.EqualFold(filepath.Ext(name), ".json")
	if isJSON {
		chunks = []chunk{{text: data}}
	} else {
		chunks = splitDocuments(data)
	}
	var objs []*Object
	var errs []Error
	doc, documents := 0, 0
	// used is what the file's documents expanded to so far: --max-nodes is
	// a budget per file.
	used := 0
chunks:
	for ci, c := range chunks {
		// A file of a hundred thousand documents must not hold up a Ctrl-C.
		if ctx != nil && ctx.Err() != nil {
			errs = append(errs, Error{File: name, Line: c.lineOffset + 1, Message: "not read from here on: " + ctx.Err().Error()})
			break
		}
		if only != nil {
			before, ok := only[ci]
			if !ok {
				continue
			}
			doc = before
		}
		chunkDoc := doc
		if !utf8.Valid(c.text) {
			line := c.lineOffset + 1 + bytes.Count(c.text[:firstInvalidUTF8(c.text)], []byte("\n"))
			errs = append(errs, Error{File: name, Line: line, Message: "not UTF-8 text; YAML and JSON must be UTF-8"})
			doc++
			documents++
			continue
		}
		var in *bytes.Reader
		// Most chunks are plain block YAML, which fastyaml reads into the
		// same tree at a fraction of yaml.v3's cost; it declines the rest,
		// and yaml.v3 reads those (and reports every error) as before. JSON
		// is flow style, which it declines: not worth the look.
		var dec *yaml.Decoder
		var fast *yaml.Node
		fastOK := false
		if !isJSON {
			fast, fastOK = fastyaml.Parse(c.text)
		}
		for {
			var root yaml.Node
			var err error
			switch {
			case fastOK && fast != nil:
				root, fast = *fast, nil
			case fastOK:
				err = io.EOF // the fast path reads one document per chunk
			default:
				if dec == nil {
					in = bytes.NewReader(c.text)
					dec = yaml.NewDecoder(in)
				}
				err = dec.Decode(&root)
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				// How far the parser read bounds where it failed: the
				// syntax-error locator searches below it, not the whole chunk.
				errs = append(errs, yamlError(name, c, err, len(c.text)-in.Len()))
				doc++
				documents++
				break // the decoder cannot resync inside a chunk
			}
			if isEmptyDocument(&root) {
				continue // between separators, or only comments, as Helm writes them
			}
			documents++
			o, e, nodes := objectsOf(name, doc, &root, c, limits, used)
			for _, x := range o {
				x.chunk, x.chunkDoc = ci, chunkDoc
			}
			objs = append(objs, o...)
			errs = append(errs, e...)
			doc++
			if used += nodes; used > limits.MaxNodes {
				break chunks // the error says the rest is not read
			}
		}
	}
	if documents == 0 && only == nil {
		errs = append(errs, Error{File: name, Message: "no YAML or JSON document in it (only comments or separators)"})
	}
	return objs, errs
}

// isEmptyDocument reports a document with no content or only a null: kubectl
// skips those, and so does Helm's output for templates that render nothing.
func isEmptyDocument(root *yaml.Node) bool {
	if len(root.Content) == 0 {
		return true
	}
	n := root.Content[0]
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// problemLine finds the first line at which the document fails with msg: the
// shortest prefix of whole lines that gives the same error. The parser's
// message carries the line where the enclosing construct starts, often far
// above the problem. read is how many bytes of text the parser had read when
// it failed (its buffer is 512 bytes): parsing text[:read] again, fed a byte
// at a time, tells how far the parser had to read to fail, and the prefix
// through that line fails the same way. The search gallops up from there and
// then bisects. On a large document with an error at its end that is about
// three parses, where bisecting the whole text took one per halving of it;
// and all probes together are bounded (probeBudget).
func problemLine(text []byte, msg string, read int) int {
	var ends []int // offset after each line
	for i, b := range text {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(text) {
		ends = append(ends, len(text))
	}
	want := strings.TrimPrefix(yamlLine.ReplaceAllString(msg, "$2"), "yaml: ")
	budget := probeBudget*len(text) + probeFloor
	hi := len(ends) // a line whose prefix fails
	if read > 0 && read <= len(text) {
		budget -= read
		if used, err := parseTrickle(text[:read]); err != nil && strings.HasSuffix(err.Error(), want) {
			hi = sort.SearchInts(ends, max(used, 1)) + 1
		}
	}
	fails := func(k int) (failed, probed bool) {
		if budget < ends[k-1] {
			return false, false
		}
		budget -= ends[k-1]
		err := parseProbe(text[:ends[k-1]])
		return err != nil && strings.HasSuffix(err.Error(), want), true
	}
	// Gallop up: lo is a line whose prefix does not fail (0: none yet).
	lo := 0
	for step := 1; hi-step >= 1; step *= 2 {
		failed, probed := fails(hi - step)
		if !probed {
			return hi
		}
		if !failed {
			lo = hi - step
			break
		}
		hi -= step
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		failed, probed := fails(mid)
		if !probed {
			return hi
		}
		if failed {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// probeBudget and probeFloor bound the syntax-error locator's work: its
// parses read at most probeBudget times the text plus probeFloor bytes (then
// it answers with the best line so far, at or below the problem). Documents
// of real size are located exactly; a large hostile one costs a few parses.
const (
	probeBudget = 4
	probeFloor  = 4 << 20
)

// parseProbe parses every document of text, for problemLine (a variable:
// tests count its calls).
var parseProbe = func(text []byte) error {
	return parseAll(bytes.NewReader(text))
}

// parseTrickle parses text fed one byte per read, and returns how many bytes
// the parser had read when it stopped, and the error.
func parseTrickle(text []byte) (int, error) {
	r := bytes.NewReader(text)
	err := parseAll(oneByteReader{r})
	return len(text) - r.Len(), err
}

func parseAll(r io.Reader) error {
	dec := yaml.NewDecoder(r)
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) { return o.r.Read(p[:min(len(p), 1)]) }

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

var (
	yamlLine      = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)
	unknownAnchor = regexp.MustCompile(`unknown anchor '(.*)' referenced`)
)

// yamlError turns a parser error into an Error at a file line. The parser
// counts lines from the start of the document; some of its messages carry no
// line, and those we locate ourselves where we can.
func yamlError(file string, c chunk, err error, read int) Error {
	offset := c.lineOffset
	msg := err.Error()
	e := Error{File: file, Message: "invalid YAML: " + msg}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			// Parser (not scanner) errors carry the line where the enclosing
			// construct starts, counted from 0: often far above the problem.
			if strings.HasPrefix(m[2], "did not find expected") {
				n = problemLine(c.text, msg, read)
			}
			e.Line = offset + n
		}
		e.Message = "invalid YAML: " + m[2]
	}
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil && e.Line == 0 {
		if i := bytes.Index(c.text, []byte("*"+m[1])); i >= 0 {
			e.Line = offset + 1 + bytes.Count(c.text[:i], []byte("\n"))
		}
	}
	if e.Line == 0 {
		e.Line = offset + 1
	}
	return e
}
