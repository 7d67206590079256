package atomicfile_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/atomicfile"
)

func TestWriteReplacesALinkInsteadOfWritingThroughIt(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	require.NoError(t, os.WriteFile(victim, []byte("keep"), 0o644))
	target := filepath.Join(dir, "out")
	require.NoError(t, os.Symlink(victim, target))

	require.NoError(t, atomicfile.Write(target, []byte("new"), 0o644))

	b, err := os.ReadFile(victim)
	require.NoError(t, err)
	assert.Equal(t, "keep", string(b), "the link's target is untouched")
	info, err := os.Lstat(target)
	require.NoError(t, err)
	assert.True(t, info.Mode().IsRegular(), "the link was replaced by a file")
	b, err = os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "new", string(b))
	assertOnly(t, dir, "out", "victim")
}

func TestWriteSetsTheModeExactly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no unix modes")
	}
	dir := t.TempDir()
	for _, perm := range []os.FileMode{0o600, 0o644} {
		p := filepath.Join(dir, perm.String())
		require.NoError(t, atomicfile.Write(p, []byte("x"), perm))
		info, err := os.Stat(p)
		require.NoError(t, err)
		assert.Equal(t, perm, info.Mode().Perm())
	}
}

func TestWriteNewRefusesAnythingAlreadyThere(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "key")
	require.NoError(t, os.Symlink(filepath.Join(dir, "nowhere"), dangling))
	err := atomicfile.WriteNew(dangling, []byte("secret"), 0o600)
	require.Error(t, err)
	assert.True(t, errors.Is(err, atomicfile.ErrExist), "%v", err)
	_, err = os.Stat(filepath.Join(dir, "nowhere"))
	assert.True(t, os.IsNotExist(err), "nothing was written through the link")

	fresh := filepath.Join(dir, "fresh.key")
	require.NoError(t, atomicfile.WriteNew(fresh, []byte("secret"), 0o600))
	if runtime.GOOS != "windows" {
		info, err := os.Stat(fresh)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	}
	assert.Error(t, atomicfile.WriteNew(fresh, []byte("other"), 0o600))
	b, err := os.ReadFile(fresh)
	require.NoError(t, err)
	assert.Equal(t, "secret", string(b))
	assertOnly(t, dir, "fresh.key", "key")
}

func TestWriteIntoAMissingFolderFailsCleanly(t *testing.T) {
	err := atomicfile.Write(filepath.Join(t.TempDir(), "no", "such"), []byte("x"), 0o644)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "such")
}

// assertOnly checks that no temporary file was left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	assert.ElementsMatch(t, names, got)
}
