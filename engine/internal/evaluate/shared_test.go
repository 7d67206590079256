package evaluate

import (
	"fmt"
	"sync"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two findings at the same path hold one slice and one text; paths that
// differ only in a step's type or quoting stay apart.
func TestSharedGivesOneCopyOfEachPath(t *testing.T) {
	s := NewShared()
	first, text := s.path([]any{"spec", "containers", 0, "image"})
	again, text2 := s.path([]any{"spec", "containers", 0, "image"})
	assert.Equal(t, "spec.containers[0].image", text)
	assert.Same(t, &first[0], &again[0], "the second finding gets the first one's slice")
	assert.Equal(t, unsafe.StringData(text), unsafe.StringData(text2), "and its text")

	asString, text3 := s.path([]any{"spec", "containers", "0", "image"})
	assert.Equal(t, `spec.containers["0"].image`, text3)
	assert.Equal(t, []any{"spec", "containers", "0", "image"}, asString)
	dotted, text4 := s.path([]any{"spec.containers"})
	assert.Equal(t, `["spec.containers"]`, text4)
	assert.Equal(t, []any{"spec.containers"}, dotted)

	none, empty := s.path(nil)
	assert.Nil(t, none)
	assert.Empty(t, empty)
}

func TestSharedGivesOneCopyOfEachMessage(t *testing.T) {
	s := NewShared()
	a := s.message(fmt.Sprintf("container %q has no limits", "app"))
	b := s.message(fmt.Sprintf("container %q has no limits", "app"))
	c := s.message(fmt.Sprintf("container %q has no limits", "web"))
	assert.Equal(t, unsafe.StringData(a), unsafe.StringData(b))
	assert.Equal(t, `container "web" has no limits`, c)
}

// Without a Shared (a Go API caller's own Evaluator) nothing is shared.
func TestNilSharedSharesNothing(t *testing.T) {
	var s *Shared
	p := []any{"metadata", "name"}
	got, text := s.path(p)
	assert.Same(t, &p[0], &got[0])
	assert.Equal(t, "metadata.name", text)
	assert.Equal(t, "m", s.message("m"))
}

// Workers of one run share it at once (go test -race).
func TestSharedFromManyGoroutines(t *testing.T) {
	s := NewShared()
	var wg sync.WaitGroup
	got := make([][]any, 8)
	for g := range got {
		wg.Go(func() {
			for i := range 100 {
				p, _ := s.path([]any{"spec", i % 10})
				s.message(fmt.Sprint(i % 7))
				if i == 99 {
					got[g] = p
				}
			}
		})
	}
	wg.Wait()
	for _, p := range got[1:] {
		require.Same(t, &got[0][0], &p[0])
	}
}
