package bundles

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits bound what reading one bundle may cost: bundles come from
// registries and other teams.
const (
	MaxBundleSize = 64 << 20  // compressed
	maxExpanded   = 256 << 20 // all files, uncompressed
	maxFiles      = 20000
)

// Archive is a bundle's files as bytes, nothing parsed. Paths are relative,
// without a leading slash ("pod/x.rego", ".manifest").
type Archive struct {
	Files []ArchiveFile
}

// ArchiveFile is one file of a bundle.
type ArchiveFile struct {
	Path string
	Data []byte
}

// File returns the file at p, or nil.
func (a *Archive) File(p string) *ArchiveFile {
	for i := range a.Files {
		if a.Files[i].Path == p {
			return &a.Files[i]
		}
	}
	return nil
}

// ReadArchive reads a bundle (.tar.gz) into memory. It refuses what OPA would
// not load or what could escape the bundle: links, "..", duplicate files.
func ReadArchive(data []byte) (*Archive, error) {
	if len(data) > MaxBundleSize {
		return nil, fmt.Errorf("bundle is %d bytes, more than the %d byte limit", len(data), MaxBundleSize)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a bundle (.tar.gz): %w", err)
	}
	tr := tar.NewReader(io.LimitReader(zr, maxExpanded+1))
	a := &Archive{}
	seen := map[string]bool{}
	var total int64
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not a bundle (.tar.gz): %w", err)
		}
		switch h.Typeflag {
		case tar.TypeDir:
			continue
		case tar.TypeReg:
		default:
			return nil, fmt.Errorf("bundle entry %q is not a regular file (links and devices are refused)", h.Name)
		}
		p, err := cleanPath(h.Name)
		if err != nil {
			return nil, err
		}
		if seen[p] {
			return nil, fmt.Errorf("bundle holds %s twice", p)
		}
		seen[p] = true
		if len(a.Files) >= maxFiles {
			return nil, fmt.Errorf("bundle holds more than %d files", maxFiles)
		}
		total += h.Size
		if h.Size < 0 || total > maxExpanded {
			return nil, fmt.Errorf("bundle expands to more than %d bytes", maxExpanded)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("reading %s from the bundle: %w", p, err)
		}
		a.Files = append(a.Files, ArchiveFile{Path: p, Data: b})
	}
	return a, nil
}

// cleanPath turns a tar entry name into a bundle path as OPA names it in
// signatures: slash-separated, no leading "/" or "./".
func cleanPath(name string) (string, error) {
	p := strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(name, "\\", "/")), "/")
	if p == "" || p == "." {
		return "", fmt.Errorf("bundle entry %q has no name", name)
	}
	for _, seg := range strings.Split(strings.Trim(strings.ReplaceAll(name, "\\", "/"), "/"), "/") {
		if seg == ".." {
			return "", fmt.Errorf("bundle entry %q points outside the bundle", name)
		}
	}
	return p, nil
}

// Bytes writes the archive as a .tar.gz, files in the order given, each with
// a leading "/" as OPA's writer names them. Times and owners are zero so the
// same files always make the same bytes (and the same OCI digest).
func (a *Archive) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, f := range a.Files {
		h := &tar.Header{Name: "/" + f.Path, Mode: 0o644, Size: int64(len(f.Data)), Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
