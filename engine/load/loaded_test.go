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
// ReadAgain reads the file again into the same objects, whole.
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

	again, errs := ReadAgain(file, Options{}, res.Objects[:2])
	require.Empty(t, errs)
	require.Len(t, again, 2)
	for i, o := range again {
		assert.Equal(t, res.Objects[i].Ref(), o.Ref())
		assert.Equal(t, res.Objects[i].Source, o.Source)
		assert.Equal(t, 0, o.Value.Compare(res.Objects[i].Value))
		assert.Equal(t, 4*i+1, o.Start().Line, "after the --- of its document")
	}
}

// TestReadAgainParsesOnlyTheDocumentsAsked: the objects of the documents
// asked for, numbered and placed as when first read (an empty document and
// a List before them included).
func TestReadAgainParsesOnlyTheDocumentsAsked(t *testing.T) {
	text := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n# nothing\n---\n" +
		"apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n---\n" +
		"apiVersion: v1\nkind: Secret\nmetadata: {name: d}\n"
	file := filepath.Join(t.TempDir(), "four.yaml")
	require.NoError(t, os.WriteFile(file, []byte(text), 0o644))
	loaded := Load(context.Background(), []string{file}, Options{})
	require.Empty(t, loaded.Errors)
	first := loaded.Objects
	require.Len(t, first, 4)
	for _, c := range []struct {
		ask   []int
		names []string
	}{
		{[]int{3}, []string{"d"}},
		{[]int{0}, []string{"a"}},
		// The List's document holds both of its items.
		{[]int{2, 3}, []string{"b", "c", "d"}},
	} {
		var asked []*Object
		for _, i := range c.ask {
			asked = append(asked, first[i].Projected(first[i].Value))
		}
		again, errs := ReadAgain(file, Options{}, asked)
		require.Empty(t, errs)
		var got []string
		for _, o := range again {
			got = append(got, o.Name)
		}
		assert.Equal(t, c.names, got)
		for _, o := range again {
			var orig *Object
			for _, f := range first {
				if f.Source == o.Source {
					orig = f
				}
			}
			require.NotNil(t, orig, "%s keeps its document and item", o.Name)
			assert.Equal(t, orig.Start(), o.Start())
			assert.Equal(t, orig.Position([]any{"metadata", "name"}), o.Position([]any{"metadata", "name"}))
		}
	}
}
