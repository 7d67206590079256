package evaluate

import (
	"sync"

	"github.com/kubeward/kubeward/engine/load"
)

// Paths hands out one copy of each field path of a run's findings. A large
// run holds hundreds of thousands of findings to its end, and their rules
// return a few thousand distinct paths (a path names a list item by index,
// not by name): a slice of boxed steps and its text per finding were near
// half of what the findings kept alive, all of it pointers the collector
// scans. One Paths serves one run, from any number of goroutines; what it
// hands out is read-only (Finding.Path).
type Paths struct {
	mu     sync.RWMutex
	byText map[string]sharedPath
}

// sharedPath is the copy of a path findings share, with its text
// (Location.Path).
type sharedPath struct {
	steps []any
	text  string
}

// NewPaths returns an empty Paths.
func NewPaths() *Paths { return &Paths{byText: map[string]sharedPath{}} }

// share returns the run's copy of path and its text: path itself the first
// time it is met. The text tells paths apart: load.FormatPath writes an
// index and a string step differently, and quotes a string that is not an
// identifier. A nil Paths shares nothing.
func (p *Paths) share(path []any) ([]any, string) {
	text := load.FormatPath(path)
	if p == nil || len(path) == 0 {
		return path, text
	}
	p.mu.RLock()
	kept, ok := p.byText[text]
	p.mu.RUnlock()
	if ok {
		return kept.steps, kept.text
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if kept, ok := p.byText[text]; ok {
		return kept.steps, kept.text
	}
	p.byText[text] = sharedPath{path, text}
	return path, text
}
