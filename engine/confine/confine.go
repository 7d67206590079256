// Package confine is the one way kubeward reads files it did not write:
// inputs, charts, kustomizations, policy and data folders, configuration,
// bundles and every side file. A Root reads only regular files beneath its
// folder (os.Root does the confinement, so a symbolic link or ".." that leaves
// it fails at the system call, not in a check that could race); devices,
// FIFOs and sockets are refused by type before a byte is read; every file has
// a size limit. A refusal is an *Error that names the path and says why (for a
// link, where it points), never quoting the refused file's bytes.
package confine

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Error is a refused or failed read of one path.
type Error struct {
	// Path is the file as the user would name it (joined to the root's folder).
	Path string
	// Reason says why, e.g. "is a symbolic link to /etc/passwd, outside /repo".
	Reason string
	// Err is the underlying error, if any.
	Err error
}

func (e *Error) Error() string { return e.Path + ": " + e.Reason }
func (e *Error) Unwrap() error { return e.Err }

// ErrTooLarge is wrapped by an *Error for a file over its size limit.
var ErrTooLarge = errors.New("file too large")

// ErrNotRegular is wrapped by an *Error for a device, FIFO, socket or folder
// where a file was expected.
var ErrNotRegular = errors.New("not a regular file")

// ErrOutside is wrapped by an *Error for a path or link that leaves its root.
var ErrOutside = errors.New("outside the input root")

// Root is a folder that reads stay beneath.
type Root struct {
	dir  string // as given, cleaned: what error messages name
	real string // with links resolved: what "inside" is compared with
	root *os.Root
	max  int64
}

// Open opens dir as a root whose files may be at most maxFileSize bytes
// (no limit when maxFileSize <= 0). The folder itself may be reached through
// a link: the user named it.
func Open(dir string, maxFileSize int64) (*Root, error) {
	dir = filepath.Clean(dir)
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &Error{Path: dir, Reason: Describe(err), Err: err}
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		real = dir
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	return &Root{dir: dir, real: real, root: r, max: maxFileSize}, nil
}

// Dir is the root's folder as given to Open.
func (r *Root) Dir() string { return r.dir }

// Close releases the root's folder handle.
func (r *Root) Close() error { return r.root.Close() }

// Rel turns name (absolute, or relative to the working folder when it starts
// with the root's folder, else relative to the root) into a slash-separated
// path relative to the root, refusing one that leaves it lexically.
func (r *Root) Rel(name string) (string, error) {
	rel := name
	if filepath.IsAbs(name) || strings.HasPrefix(filepath.Clean(name), r.dir+string(filepath.Separator)) || filepath.Clean(name) == r.dir {
		abs, err := filepath.Abs(name)
		if err != nil {
			return "", &Error{Path: name, Reason: err.Error(), Err: err}
		}
		absDir, _ := filepath.Abs(r.dir)
		if rel, err = filepath.Rel(absDir, abs); err != nil {
			return "", &Error{Path: name, Reason: "is outside " + r.dir, Err: ErrOutside}
		}
	}
	rel = filepath.ToSlash(filepath.Clean(rel))
	if rel == ".." || strings.HasPrefix(rel, "../") || filepath.IsAbs(rel) {
		return "", &Error{Path: name, Reason: "is outside " + r.dir, Err: ErrOutside}
	}
	return rel, nil
}

// Path is name (relative to the root) as the user would name it.
func (r *Root) Path(name string) string {
	return filepath.Join(r.dir, filepath.FromSlash(name))
}

// ReadFile reads the regular file name (relative to the root).
func (r *Root) ReadFile(name string) ([]byte, error) {
	f, err := r.open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f, r.Path(name), r.max)
}

// Open opens the regular file name (relative to the root) for reading; the
// caller bounds what it reads (Limit).
func (r *Root) Open(name string) (*os.File, error) { return r.open(name) }

// Limit is the root's file size limit (0: none).
func (r *Root) Limit() int64 { return r.max }

func (r *Root) open(name string) (*os.File, error) {
	name = filepath.FromSlash(name)
	// Refuse by type before opening: opening a FIFO for reading blocks
	// until a writer comes. Lstat does not follow the last link; Stat on the
	// root follows links only while they stay beneath it.
	info, err := r.root.Stat(name)
	if err != nil {
		return nil, r.explain(name, err)
	}
	if !info.Mode().IsRegular() {
		return nil, &Error{Path: r.Path(name), Reason: "is " + kind(info.Mode()) + ", not a regular file", Err: ErrNotRegular}
	}
	// O_NONBLOCK: if the file was swapped for a FIFO since the Stat, the
	// open still returns, and the type check below refuses it.
	f, err := r.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, r.explain(name, err)
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		what := "not a regular file"
		if err == nil {
			what = "is " + kind(info.Mode()) + ", not a regular file"
		}
		return nil, &Error{Path: r.Path(name), Reason: what, Err: ErrNotRegular}
	}
	return f, nil
}

// Stat describes name (relative to the root), following links that stay
// beneath the root.
func (r *Root) Stat(name string) (fs.FileInfo, error) {
	info, err := r.root.Stat(filepath.FromSlash(name))
	if err != nil {
		return nil, r.explain(filepath.FromSlash(name), err)
	}
	return info, nil
}

// Lstat describes name without following a final link.
func (r *Root) Lstat(name string) (fs.FileInfo, error) {
	info, err := r.root.Lstat(filepath.FromSlash(name))
	if err != nil {
		return nil, r.explain(filepath.FromSlash(name), err)
	}
	return info, nil
}

// ReadDir lists the folder name (relative to the root), sorted by name.
func (r *Root) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.root.FS(), cleanFS(name))
	if err != nil {
		return nil, r.explain(filepath.FromSlash(name), err)
	}
	return entries, nil
}

// FS is the root as an fs.FS whose ReadFile and Open apply the same checks
// and limit as Root.ReadFile (for libraries that take an fs.FS).
func (r *Root) FS() fs.FS { return rootFS{r} }

type rootFS struct{ r *Root }

func (f rootFS) Open(name string) (fs.File, error) {
	info, err := f.r.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return f.r.root.FS().Open(cleanFS(name))
	}
	file, err := f.r.open(name)
	if err != nil {
		return nil, err
	}
	return &limitedFile{File: file, path: f.r.Path(name), max: f.r.max}, nil
}

func (f rootFS) ReadFile(name string) ([]byte, error) { return f.r.ReadFile(name) }

func (f rootFS) ReadDir(name string) ([]fs.DirEntry, error) { return f.r.ReadDir(name) }

func (f rootFS) Stat(name string) (fs.FileInfo, error) { return f.r.Stat(name) }

// limitedFile fails a read that goes past the root's size limit, so that a
// library reading through FS cannot be fed a file without end.
type limitedFile struct {
	*os.File
	path string
	max  int64
	read int64
}

func (l *limitedFile) Read(p []byte) (int, error) {
	n, err := l.File.Read(p)
	l.read += int64(n)
	if l.max > 0 && l.read > l.max {
		return 0, tooLarge(l.path, l.read, l.max)
	}
	return n, err
}

func cleanFS(name string) string {
	name = filepath.ToSlash(filepath.Clean(filepath.FromSlash(name)))
	if name == "" || name == "/" {
		return "."
	}
	return strings.TrimPrefix(name, "./")
}

// explain turns an os.Root error into an *Error; for a link that leaves the
// root it names the link and where it points, reading only link metadata.
func (r *Root) explain(name string, err error) error {
	var ce *Error
	if errors.As(err, &ce) {
		return err
	}
	if link, target, ok := r.escapingLink(name); ok {
		return &Error{Path: link, Reason: fmt.Sprintf("is a symbolic link to %s, outside %s", target, r.dir), Err: ErrOutside}
	}
	if strings.Contains(err.Error(), "escapes from parent") || strings.Contains(err.Error(), "path escapes") {
		return &Error{Path: r.Path(name), Reason: "is outside " + r.dir, Err: ErrOutside}
	}
	return &Error{Path: r.Path(name), Reason: Describe(err), Err: err}
}

// escapingLink finds the first component of name that is a link whose
// target, resolved, is not beneath the root (or is absolute: os.Root refuses
// absolute links even when they point inside).
func (r *Root) escapingLink(name string) (link, target string, ok bool) {
	parts := strings.Split(filepath.ToSlash(filepath.Clean(name)), "/")
	p := r.dir
	for _, part := range parts {
		p = filepath.Join(p, part)
		info, err := os.Lstat(p)
		if err != nil {
			return "", "", false
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		t, err := os.Readlink(p)
		if err != nil {
			return "", "", false
		}
		resolved, err := filepath.EvalSymlinks(p)
		if err != nil || filepath.IsAbs(t) || !Within(r.real, resolved) {
			return p, t, true
		}
	}
	return "", "", false
}

// Within reports whether path is dir or beneath it (both absolute and
// clean, or both relative to the same folder).
func Within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, "../") && !filepath.IsAbs(rel))
}

// ReadFile reads a file the user named on the command line (a --values,
// --data, --config, --baseline or --bundle file): it may be reached through
// a link, but it must be a regular file of at most max bytes.
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f, path, max)
}

// OpenFile opens a file the user named for reading, refusing anything but a
// regular file before it can block.
func OpenFile(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &Error{Path: path, Reason: Describe(err), Err: err}
	}
	if !info.Mode().IsRegular() {
		return nil, &Error{Path: path, Reason: "is " + kind(info.Mode()) + ", not a regular file", Err: ErrNotRegular}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &Error{Path: path, Reason: Describe(err), Err: err}
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, &Error{Path: path, Reason: "is not a regular file", Err: ErrNotRegular}
	}
	return f, nil
}

func readLimited(f *os.File, path string, max int64) ([]byte, error) {
	if max > 0 {
		if info, err := f.Stat(); err == nil && info.Size() > max {
			return nil, tooLarge(path, info.Size(), max)
		}
	}
	var r io.Reader = f
	if max > 0 {
		r = io.LimitReader(f, max+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{Path: path, Reason: "cannot read: " + Describe(err), Err: err}
	}
	if max > 0 && int64(len(data)) > max {
		return nil, tooLarge(path, int64(len(data)), max)
	}
	return data, nil
}

func tooLarge(path string, size, max int64) error {
	return &Error{Path: path, Reason: fmt.Sprintf("is %s, larger than the %s limit", HumanBytes(size), HumanBytes(max)), Err: ErrTooLarge}
}

// HumanBytes writes n as people read sizes (1.5 MiB).
func HumanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	v := float64(n) / float64(div)
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %ciB", int64(v), "KMGTPE"[exp])
	}
	return fmt.Sprintf("%.1f %ciB", v, "KMGTPE"[exp])
}

// kind names a non-regular file's type.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a regular file"
}

// Describe is an OS error as a message for a file's error: the reason,
// without the path the error repeats.
func Describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}
