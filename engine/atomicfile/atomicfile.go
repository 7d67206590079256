// Package atomicfile is the one way kubeward writes a file: reports,
// baselines, rule pages, bundles, keys and cache entries. The bytes go to a
// temporary file that this process created exclusively (a random name,
// O_EXCL, in the target's folder, so that a link or file another user
// planted at a predictable name is never written through), with its final
// mode from the moment it exists, synced, and only then renamed over the
// target: a reader sees the old file or the whole new one, never half, and a
// private key is never readable by others, not even for an instant.
package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Write replaces path with data, mode perm (not reduced by the umask). A link
// at path is replaced, not followed.
func Write(path string, data []byte, perm os.FileMode) error {
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// ErrExist is wrapped by WriteNew's error when path already exists.
var ErrExist = os.ErrExist

// WriteNew is Write for a file that must not exist yet (a key): it fails,
// wrapping ErrExist, when anything (a file, a link, even a dangling one) is
// at path, and the check and the creation are one system call.
func WriteNew(path string, data []byte, perm os.FileMode) error {
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	// A hard link, unlike a rename, refuses an existing name.
	err = os.Link(tmp, path)
	_ = os.Remove(tmp)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s already exists: %w", path, ErrExist)
		}
		return fmt.Errorf("writing %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// writeTemp writes data to a new file beside path and returns its name.
func writeTemp(path string, data []byte, perm os.FileMode) (string, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// CreateTemp opens with O_CREATE|O_EXCL and mode 0600: the file is
	// ours and private from its first instant, whatever was planted around.
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	name := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		_ = os.Remove(name)
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	// Chmod on the open file, not on the name: nothing can be swapped in
	// between. A more private mode than 0600 is set before the first byte.
	if perm.Perm() != 0o600 {
		if err := f.Chmod(perm.Perm()); err != nil {
			return fail(err)
		}
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	// Synced before the rename: after a crash the name holds the old bytes
	// or the new ones, not an empty file.
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(name)
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	return name, nil
}

// syncDir makes the rename itself durable where the system allows it; a
// failure (Windows cannot sync a folder) loses nothing but that guarantee.
func syncDir(dir string) {
	if dir == "" {
		dir = "."
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
