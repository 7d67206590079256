package confine_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kubeward/kubeward/engine/confine"
)

func tree(t *testing.T) (outside, root string) {
	t.Helper()
	base := t.TempDir()
	outside = filepath.Join(base, "secret")
	root = filepath.Join(base, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(root, "sub"), 0o755))
	require.NoError(t, os.WriteFile(outside, []byte("token-abcdef"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(root, "sub", "a.yaml"), []byte("kind: A\n"), 0o644))
	return outside, root
}

func TestLinkLeavingTheRootIsRefusedNamingLinkAndTarget(t *testing.T) {
	outside, root := tree(t)
	require.NoError(t, os.Symlink(outside, filepath.Join(root, "leak.yaml")))
	require.NoError(t, os.Symlink("../../secret", filepath.Join(root, "sub", "rel.yaml")))
	r, err := confine.Open(root, 1<<20)
	require.NoError(t, err)
	defer r.Close()

	for name, target := range map[string]string{"leak.yaml": outside, "sub/rel.yaml": "../../secret"} {
		_, err = r.ReadFile(name)
		require.Error(t, err, name)
		assert.ErrorIs(t, err, confine.ErrOutside)
		assert.Equal(t, r.Path(name)+": is a symbolic link to "+target+", outside "+root, err.Error())
		assert.NotContains(t, err.Error(), "token")
	}
}

func TestLinkInsideTheRootIsFollowed(t *testing.T) {
	_, root := tree(t)
	require.NoError(t, os.Symlink("sub/a.yaml", filepath.Join(root, "b.yaml")))
	r, err := confine.Open(root, 1<<20)
	require.NoError(t, err)
	defer r.Close()
	b, err := r.ReadFile("b.yaml")
	require.NoError(t, err)
	assert.Equal(t, "kind: A\n", string(b))
}

func TestDotDotIsRefused(t *testing.T) {
	_, root := tree(t)
	r, err := confine.Open(root, 1<<20)
	require.NoError(t, err)
	defer r.Close()
	_, err = r.ReadFile("../secret")
	assert.ErrorIs(t, err, confine.ErrOutside)
	_, err = r.Rel("sub/../../secret")
	assert.ErrorIs(t, err, confine.ErrOutside)
	rel, err := r.Rel(filepath.Join(root, "sub", "a.yaml"))
	require.NoError(t, err)
	assert.Equal(t, "sub/a.yaml", rel)
}

func TestFIFOIsRefusedWithoutBlocking(t *testing.T) {
	_, root := tree(t)
	fifo := filepath.Join(root, "pipe.yaml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	r, err := confine.Open(root, 1<<20)
	require.NoError(t, err)
	defer r.Close()
	_, err = r.ReadFile("pipe.yaml")
	assert.ErrorIs(t, err, confine.ErrNotRegular)
	assert.Equal(t, fifo+": is a named pipe (FIFO), not a regular file", err.Error())
	_, err = confine.ReadFile(fifo, 1<<20)
	assert.ErrorIs(t, err, confine.ErrNotRegular)
	_, err = confine.ReadFile("/dev/zero", 1<<20)
	assert.ErrorIs(t, err, confine.ErrNotRegular)
}

func TestSizeLimit(t *testing.T) {
	_, root := tree(t)
	require.NoError(t, os.WriteFile(filepath.Join(root, "big.yaml"), []byte(strings.Repeat("x", 2048)), 0o644))
	r, err := confine.Open(root, 1024)
	require.NoError(t, err)
	defer r.Close()
	_, err = r.ReadFile("big.yaml")
	assert.ErrorIs(t, err, confine.ErrTooLarge)
	assert.Contains(t, err.Error(), "is 2 KiB, larger than the 1 KiB limit")
	f, err := r.FS().Open("big.yaml")
	require.NoError(t, err)
	_, err = io.ReadAll(f)
	assert.ErrorIs(t, err, confine.ErrTooLarge)
	_, err = confine.ReadFile(filepath.Join(root, "big.yaml"), 1024)
	var ce *confine.Error
	assert.True(t, errors.As(err, &ce))
}
