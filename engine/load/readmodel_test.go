package load

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s}\n"

// A walked folder is read through a confined handle: a link that stays in
// it is read, one that leaves it is an error naming link and target, and
// an object read through the folder is read through it again (ReadAgain).
func TestWalkReadsOnlyBeneathTheFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "sub"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sub", "a.yaml"), []byte(strings.Replace(configMap, "%s", "a", 1)), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "secret.yaml"), []byte(strings.Replace(configMap, "%s", "secret", 1)), 0o644))
	require.NoError(t, os.Symlink(filepath.Join("sub", "a.yaml"), filepath.Join(dir, "inside.yaml")))
	require.NoError(t, os.Symlink(filepath.Join(root, "secret.yaml"), filepath.Join(dir, "out.yaml")))
	// A link to a folder is not walked.
	require.NoError(t, os.Symlink(root, filepath.Join(dir, "up")))

	res := Load(context.Background(), []string{dir}, Options{})
	var names []string
	for _, o := range res.Objects {
		names = append(names, o.Source.File+" "+o.Name)
	}
	assert.Equal(t, []string{dir + "/inside.yaml a", dir + "/sub/a.yaml a"}, names)
	require.Len(t, res.Errors, 1)
	assert.Equal(t, Error{File: dir + "/out.yaml", Message: "is a symbolic link to " + filepath.Join(root, "secret.yaml") + ", outside " + dir}, res.Errors[0])

	// Read again through the folder: the same object.
	again, errs := ReadAgain(res.Objects[1].Source.File, Options{}, res.Objects[1:2])
	require.Empty(t, errs)
	require.Len(t, again, 1)
	assert.Equal(t, "a", again[0].Name)
}

// --max-nodes is a budget per file: documents each under it add up, the
// file's error says the rest is not read, and the documents before are kept.
func TestNodeBudgetIsPerFile(t *testing.T) {
	doc := "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {k: v, a: b, c: d, e: f}\n"
	// Each document is 10 values: itself, apiVersion, kind, metadata, name,
	// data and its 4 (keys are not counted).
	text := strings.Repeat(doc, 5)
	objs, errs := Parse("many.yaml", []byte(text), Limits{MaxNodes: 25})
	assert.Len(t, objs, 2, "the two documents within the budget")
	require.Len(t, errs, 1)
	assert.Equal(t, "file has more than 25 values in its documents after expanding aliases (limit --max-nodes, counted per file); the rest of the file is not read", errs[0].Message)
	assert.Equal(t, 15, errs[0].Line, "the 26th value: data of the third document")

	objs, errs = Parse("many.yaml", []byte(text), Limits{MaxNodes: 50})
	assert.Len(t, objs, 5)
	assert.Empty(t, errs, "5 documents of 10 values fit 50")
}
