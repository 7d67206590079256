package fastyaml

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSameTreesAsYAMLv3 parses every chunk of every YAML file under the
// repository's testdata folders, and of the corpus (KUBEWARD_CORPUS, default
// ../shared/corpus beside the repository), both ways: wherever the fast path
// accepts a chunk, its tree must be yaml.v3's.
func TestSameTreesAsYAMLv3(t *testing.T) {
	repo := filepath.Join("..", "..", "..")
	corpus := os.Getenv("KUBEWARD_CORPUS")
	if corpus == "" {
		corpus = filepath.Join(repo, "..", "shared", "corpus")
	} else if !filepath.IsAbs(corpus) {
		corpus = filepath.Join(repo, corpus)
	}
	roots := []string{repo}
	if _, err := os.Stat(corpus); err != nil {
		t.Logf("corpus not found at %s (set KUBEWARD_CORPUS): only the repository's testdata", corpus)
	} else {
		roots = append(roots, corpus)
	}
	for _, root := range roots {
		var files, total, declined, bytes, declinedBytes int
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if d.Name() == ".git" || d.Name() == "fuzz" {
					return filepath.SkipDir
				}
				return nil
			}
			ext := filepath.Ext(path)
			if ext != ".yaml" && ext != ".yml" || root == repo && !strings.Contains(path, "testdata") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files++
			for _, c := range chunks(data) {
				total++
				bytes += len(c)
				if _, ok := Parse(c); !ok {
					declined++
					declinedBytes += len(c)
				}
				if d := differs(c); d != "" {
					t.Errorf("%s, chunk %q...: %s", path, head(c), d)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d files, %d chunks (%d KB), %d declined (%d KB), parsed by yaml.v3", root, files, total, bytes>>10, declined, declinedBytes>>10)
	}
}

func head(b []byte) string {
	return string(b[:min(len(b), 60)])
}
