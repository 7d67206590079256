package bundles

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadBundle feeds arbitrary bytes to everything that reads a bundle
// before it is trusted: the archive reader, the verifier and the file
// loader. None may panic; what reads must write back and read the same.
// Seeds: testdata/fuzz/FuzzReadBundle (a signed acme bundle and a few
// broken archives).
func FuzzReadBundle(f *testing.F) {
	_, pub, err := Keygen("ES256")
	if err != nil {
		f.Fatal(err)
	}
	dir := f.TempDir()
	pubFile := filepath.Join(dir, "k.pub")
	if err := os.WriteFile(pubFile, pub, 0o644); err != nil {
		f.Fatal(err)
	}
	key, pemText, err := ReadPublicKey(pubFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadArchive(data)
		if err != nil {
			return
		}
		_ = Verify(a, key, pemText)
		_ = (&Loaded{}).addFiles("fuzz.tar.gz", a, LoadOptions{})
		b, err := a.Bytes()
		if err != nil {
			t.Fatalf("writing back: %v", err)
		}
		again, err := ReadArchive(b)
		if err != nil {
			t.Fatalf("reading back what was read: %v", err)
		}
		if len(again.Files) != len(a.Files) {
			t.Fatalf("read back %d files, want %d", len(again.Files), len(a.Files))
		}
	})
}
