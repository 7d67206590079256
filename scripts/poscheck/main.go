// Command poscheck measures how exactly a kubeward JSON report places its
// findings: for each finding with a file and a line it reads that line of
// the file and classifies the place against the finding's field path.
//
//	go run ./scripts/poscheck [-dir DIR] [KIND=]REPORT.json ...
//
// Classes:
//
//	exact         the path's last key (or, for a list item, the item) is on
//	              the line at the column
//	line-only     the same, but the finding has no column
//	parent        an ancestor key of the path, or a list item, is on the line
//	object-start  the line starts the object (apiVersion: or kind:)
//	generator     the name: key of a kustomization's generator entry, where
//	              kubeward places the fields of a generated object
//	wrong         none of these
//	no-line       the finding has no line
//
// Counts and shares are printed per source kind: the KIND= prefix of a
// report, else "helm" for findings with a template, "kustomization" for
// findings in a kustomization file, "file" for the rest.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Classes, in the order they are printed.
var classes = []string{"exact", "line-only", "parent", "object-start", "generator", "wrong", "no-line"}

type report struct {
	Findings []finding `json:"findings"`
}

type finding struct {
	Rule struct {
		ID string `json:"id"`
	} `json:"rule"`
	Location struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Path     string `json:"path"`
		Template string `json:"template"`
	} `json:"location"`
}

func main() {
	dir := flag.String("dir", ".", "the folder kubeward ran in: report files are relative to it")
	verbose := flag.Bool("v", false, "list every finding that is not exact")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: poscheck [-dir DIR] [-v] [KIND=]REPORT.json ...")
		os.Exit(2)
	}
	c := newChecker(*dir)
	for _, arg := range flag.Args() {
		kind, file := "", arg
		if k, f, ok := strings.Cut(arg, "="); ok && !strings.ContainsAny(k, `/\`) {
			kind, file = k, f
		}
		if err := c.addFile(kind, file); err != nil {
			fmt.Fprintln(os.Stderr, "poscheck:", err)
			os.Exit(1)
		}
	}
	c.print(os.Stdout, *verbose)
}

// checker reads source files once and counts classes per source kind.
type checker struct {
	dir    string
	files  map[string][]string
	counts map[string]map[string]int
	misses []string
}

func newChecker(dir string) *checker {
	return &checker{dir: dir, files: map[string][]string{}, counts: map[string]map[string]int{}}
}

func (c *checker) addFile(kind, name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	return c.add(kind, data)
}

// add classifies the findings of one JSON report.
func (c *checker) add(kind string, data []byte) error {
	var r report
	if err := json.Unmarshal(data, &r); err != nil {
		return fmt.Errorf("reading report: %w", err)
	}
	for _, f := range r.Findings {
		k := kind
		if k == "" {
			k = sourceKind(f)
		}
		class := c.classify(f)
		if c.counts[k] == nil {
			c.counts[k] = map[string]int{}
		}
		c.counts[k][class]++
		if class != "exact" {
			c.misses = append(c.misses, fmt.Sprintf("%s %s:%d:%d %s %s", class, f.Location.File, f.Location.Line, f.Location.Column, f.Rule.ID, f.Location.Path))
		}
	}
	return nil
}

func sourceKind(f finding) string {
	switch base := filepath.Base(f.Location.File); {
	case f.Location.Template != "":
		return "helm"
	case base == "kustomization.yaml" || base == "kustomization.yml" || base == "Kustomization":
		return "kustomization"
	}
	return "file"
}

// classify places one finding in a class.
func (c *checker) classify(f finding) string {
	if f.Location.File == "" || f.Location.Line <= 0 {
		return "no-line"
	}
	lines, err := c.lines(f.Location.File)
	if err != nil || f.Location.Line > len(lines) {
		return "wrong"
	}
	text := lines[f.Location.Line-1]
	class := classifyLine(text, f.Location.Column, parsePath(f.Location.Path))
	if class == "wrong" && sourceKind(f) == "kustomization" && f.Location.Column > 0 &&
		f.Location.Column <= len(text) && strings.HasPrefix(text[f.Location.Column-1:], "name:") {
		return "generator"
	}
	return class
}

// classifyLine classifies a place (text of its line, 1-based column or 0)
// against a field path.
func classifyLine(text string, col int, path []step) string {
	trimmed := strings.TrimSpace(text)
	starts := strings.HasPrefix(trimmed, "apiVersion:") || strings.HasPrefix(trimmed, "kind:") ||
		strings.HasPrefix(trimmed, `"apiVersion"`) || strings.HasPrefix(trimmed, `"kind"`)
	if len(path) == 0 {
		if starts {
			return "exact"
		}
		return "wrong"
	}
	last := path[len(path)-1]
	if col > 0 && exactAt(text, col, last) {
		return "exact"
	}
	if col <= 0 && ((last.index && isItem(text, 0)) || (!last.index && hasKey(text, last.key))) {
		return "line-only"
	}
	for _, s := range path {
		if s.index && isItem(text, col) {
			return "parent"
		}
		if !s.index && hasKey(text, s.key) {
			return "parent"
		}
	}
	if starts {
		return "object-start"
	}
	return "wrong"
}

// exactAt says whether the last step of the path is at col: its key written
// there (bare, quoted, or as the last segment of a JSON 6902 path), or, for
// an index, a list item starting there.
func exactAt(text string, col int, last step) bool {
	if col > len(text) {
		return false
	}
	before := text[:col-1]
	if last.index {
		// an item, or the index as a JSON 6902 path's last segment
		return isItem(text, col) || (strings.HasSuffix(before, "/") && strings.HasPrefix(text[col-1:], last.key))
	}
	rest := text[col-1:]
	// A JSON 6902 path escapes "~" and "/" in its segments.
	escaped := strings.ReplaceAll(strings.ReplaceAll(last.key, "~", "~0"), "/", "~1")
	words := []string{last.key, `"` + last.key + `"`, "'" + last.key + "'"}
	if strings.HasSuffix(before, "/") {
		words = append(words, escaped)
	}
	if last.key == "image" {
		// a kustomization's images: entry that rewrote it
		words = append(words, "newTag", "newName", "digest")
	}
	for _, w := range words {
		if strings.HasPrefix(rest, w) {
			after := rest[len(w):]
			if after == "" || strings.ContainsAny(after[:1], ":=,} \t\"'") {
				return true
			}
		}
	}
	return false
}

// isItem says whether a list item starts at col ("- " before it), or, with
// no column, anywhere on the line.
func isItem(text string, col int) bool {
	if col <= 0 {
		return strings.HasPrefix(strings.TrimSpace(text), "- ")
	}
	if col > len(text)+1 {
		return false
	}
	before := strings.TrimRight(text[:col-1], " ")
	return strings.HasSuffix(before, "-") || strings.HasSuffix(before, "[") || strings.HasSuffix(before, ",")
}

func hasKey(text, key string) bool {
	return strings.Contains(text, key+":") || strings.Contains(text, `"`+key+`":`) || strings.Contains(text, "/"+key)
}

func (c *checker) lines(file string) ([]string, error) {
	if l, ok := c.files[file]; ok {
		if l == nil {
			return nil, errors.New("unreadable")
		}
		return l, nil
	}
	p := file
	if !filepath.IsAbs(p) {
		p = filepath.Join(c.dir, p)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		c.files[file] = nil
		return nil, err
	}
	l := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	c.files[file] = l
	return l, nil
}

// step is one step of a field path: a key or a list index.
type step struct {
	key   string
	index bool
}

// parsePath reads a path as reports write it:
// spec.containers[0].securityContext, metadata.annotations["a.b/c"].
func parsePath(p string) []step {
	var out []step
	for i := 0; i < len(p); {
		switch p[i] {
		case '.':
			i++
		case '[':
			end := strings.IndexByte(p[i:], ']')
			if end < 0 {
				return out
			}
			inner := p[i+1 : i+end]
			if strings.HasPrefix(inner, `"`) {
				// A quoted key may hold "]": read the Go-quoted string.
				q, err := strconv.QuotedPrefix(p[i+1:])
				if err != nil {
					return out
				}
				k, _ := strconv.Unquote(q)
				out = append(out, step{key: k})
				i += 1 + len(q) + 1
				continue
			}
			out = append(out, step{key: inner, index: true})
			i += end + 1
		default:
			end := strings.IndexAny(p[i:], ".[")
			if end < 0 {
				end = len(p) - i
			}
			out = append(out, step{key: p[i : i+end]})
			i += end
		}
	}
	return out
}

func (c *checker) print(w io.Writer, verbose bool) {
	kinds := make([]string, 0, len(c.counts))
	total := map[string]int{}
	for k, m := range c.counts {
		kinds = append(kinds, k)
		for cl, n := range m {
			total[cl] += n
		}
	}
	sort.Strings(kinds)
	if len(kinds) > 1 {
		kinds = append(kinds, "all")
		c.counts["all"] = total
	}
	fmt.Fprintf(w, "%-14s %8s", "kind", "findings")
	for _, cl := range classes {
		fmt.Fprintf(w, " %16s", cl)
	}
	fmt.Fprintln(w)
	for _, k := range kinds {
		m := c.counts[k]
		n := 0
		for _, v := range m {
			n += v
		}
		fmt.Fprintf(w, "%-14s %8d", k, n)
		for _, cl := range classes {
			fmt.Fprintf(w, " %16s", fmt.Sprintf("%d (%.1f%%)", m[cl], 100*float64(m[cl])/float64(max(n, 1))))
		}
		fmt.Fprintln(w)
	}
	if verbose {
		sort.Strings(c.misses)
		for _, m := range c.misses {
			fmt.Fprintln(w, m)
		}
	}
}
