package kustomize

import (
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// imageEntry is one entry of a kustomization's images: what it matches and
// the key that sets the new value (newTag, digest or newName, the first
// written of those, else the entry).
type imageEntry struct {
	file string
	name string
	at   *yaml.Node
}

func readImage(file string, e *yaml.Node) imageEntry {
	img := imageEntry{file: file, at: e}
	keys := map[string]*yaml.Node{}
	pairs(e, func(key string, k, v *yaml.Node) {
		keys[key] = k
		if key == "name" {
			img.name, _ = scalar(v)
		}
	})
	for _, k := range []string{"newTag", "digest", "newName"} {
		if keys[k] != nil {
			img.at = keys[k]
			break
		}
	}
	return img
}

// transformed places a field that a kustomization's transformer set rather
// than a file: metadata.namespace at the namespace: key, a container's
// image at the images: entry that rewrote it. Only these two are known;
// nil otherwise.
func (l *locator) transformed(p []any) *at {
	if len(p) == 2 && p[0] == "metadata" && p[1] == "namespace" && len(l.namespace) > 0 {
		return l.namespace[0]
	}
	if len(p) < 3 || p[len(p)-1] != "image" || len(l.images) == 0 || len(l.layers) == 0 {
		return nil
	}
	// The image as the resource file wrote it names the entry.
	a := l.walk(l.layers[0], p)
	if a == nil || a.depth != len(p) || a.value == nil {
		return nil
	}
	written, _ := scalar(resolve(a.value))
	repo := imageRepo(written)
	for _, img := range l.images {
		if img.name != "" && (img.name == written || img.name == repo) {
			return &at{node: img.at, depth: len(p), file: img.file}
		}
	}
	return nil
}

// imageRepo is an image reference without its tag and digest.
func imageRepo(ref string) string {
	if i := strings.IndexByte(ref, '@'); i >= 0 {
		ref = ref[:i]
	}
	if i := strings.LastIndexByte(ref, ':'); i > strings.LastIndexByte(ref, '/') {
		ref = ref[:i]
	}
	return ref
}
