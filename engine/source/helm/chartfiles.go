package helm

// Reading a chart's files: a chart may come from anyone, so it is read
// through confine (regular files beneath the chart folder only, each at most
// MaxFileSize) or, for an archive, decompressed here under a byte budget,
// and Helm is handed the files in memory (loader.LoadFiles). Helm's own
// loader.LoadDir follows symbolic links wherever they point, and its archive
// loader allows 100 MiB decompressed per archive, nested archives included.

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"syscall"

	"helm.sh/helm/v4/pkg/chart/loader/archive"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	"helm.sh/helm/v4/pkg/ignore"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/load"
)

// maxArchiveNesting bounds archives within archives (charts/x.tgz holding
// charts/y.tgz …); real charts nest two or three deep.
const maxArchiveNesting = 16

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// budget is what the files of one chart may add up to, decompressed.
type budget struct {
	left, max int64
}

func (b *budget) take(name string, n int64) error {
	if n > b.left {
		return fmt.Errorf("%s: the chart's files exceed %s together (--max-rendered-bytes)", name, confine.HumanBytes(b.max))
	}
	b.left -= n
	return nil
}

// loadChart reads the chart folder or archive at chartPath.
func loadChart(chartPath string, dir bool, limits load.Limits) (*chart.Chart, error) {
	b := &budget{left: limits.MaxRenderedBytes, max: limits.MaxRenderedBytes}
	var files []*archive.BufferedFile
	var err error
	if dir {
		files, err = readChartDir(chartPath, limits.MaxFileSize, b)
	} else {
		files, err = readChartArchive(chartPath, limits.MaxFileSize, b)
	}
	if err != nil {
		return nil, err
	}
	ch, err := loader.LoadFiles(files)
	if err != nil {
		return nil, fmt.Errorf("loading the chart: %w", err)
	}
	return ch, nil
}

func isVendoredArchive(name string) bool {
	return strings.HasSuffix(name, ".tgz") && strings.HasPrefix(name, "charts/") && !strings.Contains(strings.TrimPrefix(name, "charts/"), "/")
}

// readChartDir reads every file of the chart folder that .helmignore does
// not exclude, as loader.LoadDir does, but through a confine.Root.
func readChartDir(dir string, maxFile int64, b *budget) ([]*archive.BufferedFile, error) {
	root, err := confine.Open(dir, maxFile)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	rules := ignore.Empty()
	switch data, err := root.ReadFile(ignore.HelmIgnore); {
	case err == nil:
		if rules, err = ignore.Parse(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("%s: %w", root.Path(ignore.HelmIgnore), err)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	rules.AddDefaults()
	w := chartWalk{root: root, rules: rules, budget: b, seen: map[[2]uint64]bool{}}
	if info, err := root.Stat("."); err == nil {
		w.visit(info)
	}
	if err := w.dir("."); err != nil {
		return nil, err
	}
	return w.files, nil
}

type chartWalk struct {
	root   *confine.Root
	rules  *ignore.Rules
	budget *budget
	files  []*archive.BufferedFile
	seen   map[[2]uint64]bool // folders walked, by device and inode
}

// visit records a folder and reports whether it was new: a link to a
// folder already walked (its parent, say) would make the walk endless.
func (w *chartWalk) visit(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return true
	}
	id := [2]uint64{uint64(st.Dev), st.Ino}
	if w.seen[id] {
		return false
	}
	w.seen[id] = true
	return true
}

func (w *chartWalk) dir(rel string) error {
	entries, err := w.root.ReadDir(rel)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := path.Join(rel, e.Name())
		// Stat follows a link only while it stays beneath the root; one that
		// leaves it is an error naming the link and its target.
		info, err := w.root.Stat(name)
		if err != nil {
			return err
		}
		if w.rules.Ignore(name, info) {
			continue
		}
		if info.IsDir() {
			if !w.visit(info) {
				return &confine.Error{Path: w.root.Path(name), Reason: "is a link to a folder of the chart already read (a loop)"}
			}
			if err := w.dir(name); err != nil {
				return err
			}
			continue
		}
		data, err := w.root.ReadFile(name) // refuses FIFOs, devices, sockets
		if err != nil {
			return err
		}
		if err := w.budget.take(w.root.Path(name), int64(len(data))); err != nil {
			return err
		}
		// loader.LoadFiles opens archives vendored in charts/ under Helm's
		// own, larger bound: decompressing them here first holds them to the
		// chart's budget.
		if isVendoredArchive(name) {
			if _, err := readArchive(w.root.Path(name), data, w.root.Limit(), w.budget, 1); err != nil {
				return err
			}
		}
		w.files = append(w.files, &archive.BufferedFile{Name: name, ModTime: info.ModTime(), Data: bytes.TrimPrefix(data, utf8BOM)})
	}
	return nil
}

// readChartArchive reads a chart archive named as an input.
func readChartArchive(file string, maxFile int64, b *budget) ([]*archive.BufferedFile, error) {
	data, err := confine.ReadFile(file, maxFile)
	if err != nil {
		return nil, err
	}
	return readArchive(file, data, maxFile, b, 0)
}

// readArchive decompresses a chart archive: regular files only, each at
// most maxFile bytes and all of them within the budget (a small archive
// can hold gigabytes of zeros), none named absolutely or with "..".
// Names lose their first element, the chart's folder, as in Helm.
func readArchive(file string, data []byte, maxFile int64, b *budget, depth int) ([]*archive.BufferedFile, error) {
	if depth > maxArchiveNesting {
		return nil, fmt.Errorf("%s: archives nested more than %d deep", file, maxArchiveNesting)
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: not a gzipped chart archive: %w", file, err)
	}
	defer gz.Close()
	tr := tar.NewReader(gz)
	var files []*archive.BufferedFile
	for {
		hd, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: reading the archive: %w", file, err)
		}
		switch hd.Typeflag {
		case tar.TypeDir, tar.TypeXGlobalHeader, tar.TypeXHeader:
			continue
		case tar.TypeReg:
		default:
			return nil, fmt.Errorf("%s: entry %q is not a regular file (type %q); chart archives hold only files", file, hd.Name, hd.Typeflag)
		}
		name := strings.ReplaceAll(hd.Name, `\`, "/")
		if path.IsAbs(name) || (len(name) > 1 && name[1] == ':') {
			return nil, fmt.Errorf("%s: entry %q has an absolute path", file, hd.Name)
		}
		for _, part := range strings.Split(name, "/") {
			if part == ".." {
				return nil, fmt.Errorf("%s: entry %q leaves the archive (\"..\")", file, hd.Name)
			}
		}
		_, rel, ok := strings.Cut(name, "/")
		rel = path.Clean(rel)
		if !ok || rel == "." {
			return nil, fmt.Errorf("%s: entry %q is not inside the chart's folder", file, hd.Name)
		}
		where := file + "/" + rel
		if maxFile > 0 && hd.Size > maxFile {
			return nil, fmt.Errorf("%s: is %s, larger than the %s limit (--max-file-size)", where, confine.HumanBytes(hd.Size), confine.HumanBytes(maxFile))
		}
		if err := b.take(where, hd.Size); err != nil {
			return nil, err
		}
		body, err := io.ReadAll(io.LimitReader(tr, hd.Size))
		if err != nil {
			return nil, fmt.Errorf("%s: reading the archive: %w", where, err)
		}
		if isVendoredArchive(rel) {
			if _, err := readArchive(where, body, maxFile, b, depth+1); err != nil {
				return nil, err
			}
		}
		files = append(files, &archive.BufferedFile{Name: rel, ModTime: hd.ModTime, Data: bytes.TrimPrefix(body, utf8BOM)})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no files in the chart archive", file)
	}
	return files, nil
}
