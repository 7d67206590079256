package load

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoadedSeesPlainFilesAndKeepsWhatItReturns: the hook gets each plain
// file's objects and size (not stdin's), and Load keeps what it returns;
// ReadFile reads a file again into the same objects.
func TestLoadedSeesPlainFilesAndKeepsWhatItReturns(t *testing.T) {
	dir := t.TempDir()
	two := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n"
	file := filepath.Join(dir, "two.yaml")
	require.NoError(t, os.WriteFile(file, []byte(two), 0o644))
	var mu sync.Mutex
	sizes := map[int]int{}
	res := Load(context.Background(), []string{file, "-"}, Options{
		Stdin: strings.NewReader("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"),
		Loaded: func(size int, objs []*Object) []*Object {
			mu.Lock()
			defer mu.Unlock()
			sizes[size] = len(objs)
			for i, o := range objs {
				objs[i] = o.Projected(o.Value)
			}
			return objs
		},
	})
	require.Empty(t, res.Errors)
	assert.Equal(t, map[int]int{len(two): 2}, sizes, "the file only, with its size")
	require.Len(t, res.Objects, 3)
	assert.True(t, res.Objects[0].Partial)
	assert.True(t, res.Objects[1].Partial)
	assert.False(t, res.Objects[2].Partial, "stdin cannot be read again")
	assert.Equal(t, Position{}, res.Objects[0].Start(), "a projection keeps no positions")

	again, errs := ReadFile(file, Options{})
	require.Empty(t, errs)
	require.Len(t, again, 2)
	for i, o := range again {
		assert.Equal(t, res.Objects[i].Ref(), o.Ref())
		assert.Equal(t, res.Objects[i].Source, o.Source)
		assert.Equal(t, 0, o.Value.Compare(res.Objects[i].Value))
		assert.Equal(t, 4*i+1, o.Start().Line, "after the --- of its document")
	}
}
