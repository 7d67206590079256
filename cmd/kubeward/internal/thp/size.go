package thp

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

const (
	mib = 1 << 20
	gib = 1 << 30

	// base covers a short run: the library's parse and compile, one file.
	base = 128 * mib
	// perInputByte is the heap a lint run reaches per byte of YAML read
	// (about 13 on the scaled corpus), with room to spare.
	perInputByte = 16
	// unknownInput is assumed for input whose size is not known up front
	// (standard input, a cluster).
	unknownInput = 64 * mib
	// maxRegion bounds the address space set aside: past it the heap grows
	// with ordinary pages, as it would without this package. Sized for the
	// whole 100k set (7 GB), runs went from 96 s to anywhere between 73 and
	// 146 s (docs/performance.md); bounded at 2 GiB, they did not get slower.
	maxRegion = 2 * gib
)

// regionSize is how much heap the command in os.Args will likely use.
func regionSize() uint64 {
	return sizeFor(os.Args[1:], maxRegion)
}

// sizeFor estimates the heap of a command line: the base, plus for `lint`
// perInputByte per byte of its input files and folders. Arguments that are
// not paths (flags, their values) add nothing.
func sizeFor(args []string, limit uint64) uint64 {
	size := uint64(base)
	if len(args) == 0 || args[0] != "lint" {
		return size
	}
	budget := limit / perInputByte // reading further cannot change the result
	var input uint64
	for _, a := range args[1:] {
		if input >= budget {
			break
		}
		switch {
		case a == "-" || a == "--cluster" || strings.HasPrefix(a, "--cluster="):
			input += unknownInput
		case strings.HasPrefix(a, "-"):
		default:
			input += pathSize(a, budget-input)
		}
	}
	return min(size+input*perInputByte, limit)
}

// pathSize is the size of a file, or of the files under a folder, counted up
// to max bytes.
func pathSize(path string, max uint64) uint64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	if !info.IsDir() {
		return uint64(info.Size())
	}
	var total uint64
	_ = filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if fi, err := d.Info(); err == nil && fi.Mode().IsRegular() {
			total += uint64(fi.Size())
		}
		if total >= max {
			return filepath.SkipAll
		}
		return nil
	})
	return total
}
