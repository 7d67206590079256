package kustomize

import (
	"bytes"
	"path"
	"strings"

	yaml "go.yaml.in/yaml/v3"
	"sigs.k8s.io/kustomize/api/konfig"
)

// kustNode is one kustomization of a build, read again with positions (the
// file system has already inspected every file it reads): what it adds and
// the patches it applies, in kustomize's order.
type kustNode struct {
	file       string // relative to the root
	resources  []string
	children   []*kustNode // folders among resources and bases
	components []*kustNode
	patches    []*patchSrc // strategic merge, then patches, then JSON 6902
	generators []*generator
	namespace  *yaml.Node   // the namespace: key
	images     []imageEntry // in the order written
}

// patchSrc is one patch: its documents (strategic merge) or operations
// (JSON 6902), and the objects it targets.
type patchSrc struct {
	file   string       // relative to the root
	docs   []*yaml.Node // strategic-merge documents
	ops    []*yaml.Node // JSON 6902 operations
	target *target      // nil: each document names its object
}

// generator is one configMapGenerator or secretGenerator entry.
type generator struct {
	file    string
	kind    string     // ConfigMap or Secret
	name    string     // as written
	nameKey *yaml.Node // the entry's name: key, where its object is placed
	entry   *yaml.Node
	// envs are the texts of its envs files, by path relative to the root,
	// read now: positions are asked for after the root is closed.
	envs map[string][]byte
}

// readTree reads the kustomization in folder kdir (relative to the root)
// and those it includes. A file that cannot be read again is left out: its
// objects are placed as well as the rest allows.
func (f *confinedFS) readTree(kdir string, seen map[string]bool) *kustNode {
	if seen[kdir] || f.ctx.Err() != nil {
		return nil
	}
	seen[kdir] = true
	var kfile string
	for _, n := range konfig.RecognizedKustomizationFileNames() {
		p := path.Join(kdir, n)
		if info, err := f.root.Stat(p); err == nil && !info.IsDir() {
			kfile = p
			break
		}
	}
	if kfile == "" {
		return nil
	}
	src, err := f.root.ReadFile(kfile)
	if err != nil {
		return nil
	}
	docs := parseDocs(src)
	if len(docs) == 0 {
		return nil
	}
	kf := kfileText{rel: kfile, dir: kdir, src: src}
	k := &kustNode{file: kfile}
	var smp, other, json6902 []*patchSrc
	pairs(docs[0], func(key string, kn, v *yaml.Node) {
		switch key {
		case "resources", "bases", "components":
			for _, e := range items(v) {
				s, ok := scalar(e)
				if !ok || isRemote(s) {
					continue
				}
				p := path.Clean(path.Join(kdir, s))
				info, err := f.root.Stat(p)
				switch {
				case err != nil:
				case info.IsDir():
					if c := f.readTree(p, seen); c != nil {
						if key == "components" {
							k.components = append(k.components, c)
						} else {
							k.children = append(k.children, c)
						}
					}
				case key != "components":
					k.resources = append(k.resources, p)
				}
			}
		case "patchesStrategicMerge":
			for _, e := range items(v) {
				if s, ok := scalar(e); ok {
					smp = append(smp, f.patch(kf, e, s, nil, false))
				}
			}
		case "patches", "patchesJson6902":
			for _, e := range items(v) {
				p := f.patchEntry(kf, e)
				if p == nil {
					continue
				}
				if key == "patches" {
					other = append(other, p)
				} else {
					json6902 = append(json6902, p)
				}
			}
		case "namespace":
			if s, ok := scalar(v); ok && s != "" {
				k.namespace = kn
			}
		case "images":
			for _, e := range items(v) {
				k.images = append(k.images, readImage(kfile, e))
			}
		case "configMapGenerator", "secretGenerator":
			kind := "ConfigMap"
			if key == "secretGenerator" {
				kind = "Secret"
			}
			for _, e := range items(v) {
				g := &generator{file: kfile, kind: kind, entry: e}
				pairs(e, func(key string, kn, v *yaml.Node) {
					switch key {
					case "name":
						g.name, _ = scalar(v)
						g.nameKey = kn
					case "envs", "env":
						for _, e := range items(v) {
							s, _ := scalar(e)
							rel := path.Clean(path.Join(kdir, strings.TrimSpace(s)))
							if data, err := f.root.ReadFile(rel); err == nil {
								if g.envs == nil {
									g.envs = map[string][]byte{}
								}
								g.envs[rel] = data
							}
						}
					}
				})
				if g.nameKey != nil {
					k.generators = append(k.generators, g)
				}
			}
		}
	})
	for _, p := range append(append(smp, other...), json6902...) {
		if p != nil {
			k.patches = append(k.patches, p)
		}
	}
	return k
}

// patchEntry reads an entry of patches or patchesJson6902: path or inline
// patch, and target.
func (f *confinedFS) patchEntry(kf kfileText, e *yaml.Node) *patchSrc {
	var t *target
	var text string
	var at *yaml.Node
	inline := false
	pairs(e, func(key string, _, v *yaml.Node) {
		switch key {
		case "path":
			text, _ = scalar(v)
			at = v
		case "patch":
			text, _ = scalar(v)
			at, inline = v, true
		case "target":
			t = &target{}
			pairs(v, func(key string, _, v *yaml.Node) {
				s, _ := scalar(v)
				switch key {
				case "kind":
					t.kind = s
				case "name":
					t.name = s
				case "labelSelector":
					t.labels = s
				}
			})
		}
	})
	if at == nil {
		return nil
	}
	return f.patch(kf, at, text, t, inline)
}

// patch reads a patch written in a file, or inline at node at of the
// kustomization (a string that holds a newline is one, as kustomize sees it,
// for patchesStrategicMerge).
func (f *confinedFS) patch(kf kfileText, at *yaml.Node, text string, t *target, inline bool) *patchSrc {
	p := &patchSrc{target: t}
	var docs []*yaml.Node
	if inline || strings.Contains(text, "\n") {
		p.file = kf.rel
		docs = inlineDocs(kf.src, at, text)
	} else {
		if isRemote(text) {
			return nil
		}
		p.file = path.Clean(path.Join(kf.dir, text))
		docs = f.docs(p.file)
	}
	for _, d := range docs {
		d = resolve(d)
		if d == nil {
			continue
		}
		if d.Kind == yaml.SequenceNode {
			p.ops = append(p.ops, items(d)...)
		} else if d.Kind == yaml.MappingNode {
			p.docs = append(p.docs, d)
		}
	}
	return p
}

// docs parses the YAML documents of a file beneath the root.
func (f *confinedFS) docs(rel string) []*yaml.Node {
	data, err := f.root.ReadFile(rel)
	if err != nil {
		return nil
	}
	return parseDocs(data)
}

func parseDocs(data []byte) []*yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var out []*yaml.Node
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			// kustomize has built it: what does not parse here is left
			// unplaced rather than failing the build.
			return out
		}
		out = append(out, &doc)
	}
}

// kfileText is a kustomization file as read: where it is and its text.
type kfileText struct {
	rel, dir string
	src      []byte
}

// inlineDocs parses a patch written inside a string of the kustomization
// (src) and moves its nodes to where their text is in the file. Only a
// literal block (|) keeps its lines and columns; any other string's nodes
// are all placed at the string.
func inlineDocs(src []byte, at *yaml.Node, text string) []*yaml.Node {
	docs := parseDocs([]byte(text))
	indent, ok := blockIndent(src, at)
	for _, d := range docs {
		if ok {
			// The block's text starts on the line after its indicator.
			shift(d, at.Line, indent)
		} else {
			place(d, at.Line, at.Column)
		}
	}
	return docs
}

// blockIndent is the indentation of a literal block's text (at is the
// block), found in the file: yaml.v3 keeps only where the indicator is.
func blockIndent(src []byte, at *yaml.Node) (int, bool) {
	if at.Style&yaml.LiteralStyle == 0 {
		return 0, false
	}
	lines := strings.Split(string(src), "\n")
	for i := at.Line; i < len(lines); i++ { // lines[at.Line] is the line after
		l := strings.TrimRight(lines[i], "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		return len(l) - len(strings.TrimLeft(l, " ")), true
	}
	return 0, false
}

// shift moves every node of a tree by lines and columns.
func shift(n *yaml.Node, lines, cols int) {
	if n == nil {
		return
	}
	n.Line += lines
	n.Column += cols
	for _, c := range n.Content {
		shift(c, lines, cols)
	}
}

// place puts every node of a tree at one line and column.
func place(n *yaml.Node, line, col int) {
	if n == nil {
		return
	}
	n.Line, n.Column = line, col
	for _, c := range n.Content {
		place(c, line, col)
	}
}
