package evaluate

import (
	"sync"

	"github.com/kubeward/kubeward/engine/load"
)

// Shared hands out one copy of each field path and each message of a run's
// findings. A large run holds hundreds of thousands of findings to its end,
// and they recur: a path names a list item by index, not by name, and a
// message names a container or a field more often than the object (the
// scaled corpus of 30,000 objects: 94,933 findings, 315 distinct paths, 4,540
// distinct messages). One copy per finding, the paths as boxed steps and
// their text were near half of what the findings kept alive, all of it
// pointers the collector scans. One Shared serves one run,
// from any number of goroutines; what it hands out is read-only
// (Finding.Path).
type Shared struct {
	mu       sync.RWMutex
	paths    map[string]sharedPath // by the path's text
	messages map[string]string
}

// sharedPath is the copy of a path findings share, with its text
// (Location.Path).
type sharedPath struct {
	steps []any
	text  string
}

// NewShared returns an empty Shared.
func NewShared() *Shared {
	return &Shared{paths: map[string]sharedPath{}, messages: map[string]string{}}
}

// path returns the run's copy of path and its text: path itself the first
// time it is met. The text tells paths apart: load.FormatPath writes an
// index and a string step differently, and quotes a string that is not an
// identifier. A nil Shared shares nothing.
func (s *Shared) path(path []any) ([]any, string) {
	text := load.FormatPath(path)
	if s == nil || len(path) == 0 {
		return path, text
	}
	s.mu.RLock()
	kept, ok := s.paths[text]
	s.mu.RUnlock()
	if ok {
		return kept.steps, kept.text
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if kept, ok := s.paths[text]; ok {
		return kept.steps, kept.text
	}
	s.paths[text] = sharedPath{path, text}
	return path, text
}

// message returns the run's copy of msg: msg itself the first time it is
// met. A nil Shared shares nothing.
func (s *Shared) message(msg string) string {
	if s == nil {
		return msg
	}
	s.mu.RLock()
	kept, ok := s.messages[msg]
	s.mu.RUnlock()
	if ok {
		return kept
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if kept, ok := s.messages[msg]; ok {
		return kept
	}
	s.messages[msg] = msg
	return msg
}
