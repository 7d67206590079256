package thp

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSizeFor(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, make([]byte, n), 0o644))
		return p
	}
	one := write("one.yaml", 1000)
	write("tree/a.yaml", 3000)
	write("tree/sub/b.yaml", 5000)

	assert.Equal(t, uint64(base), sizeFor(nil, maxRegion), "no command")
	assert.Equal(t, uint64(base), sizeFor([]string{"version"}, maxRegion), "a command that reads no input")
	assert.Equal(t, uint64(base), sizeFor([]string{"test", dir}, maxRegion), "only lint is sized by its input")
	assert.Equal(t, uint64(base+1000*perInputByte), sizeFor([]string{"lint", one}, maxRegion))
	assert.Equal(t, uint64(base+9000*perInputByte), sizeFor([]string{"lint", "-f", "json", one, filepath.Join(dir, "tree")}, maxRegion),
		"files and folders add up, flags and their values add nothing")
	assert.Equal(t, uint64(base+unknownInput*perInputByte), sizeFor([]string{"lint", "-"}, maxRegion), "standard input")
	assert.Equal(t, uint64(base+unknownInput*perInputByte), sizeFor([]string{"lint", "--cluster"}, maxRegion), "a cluster")
	assert.Equal(t, uint64(base), sizeFor([]string{"lint", filepath.Join(dir, "missing.yaml")}, maxRegion), "a missing path")
	assert.Equal(t, uint64(base+2000), sizeFor([]string{"lint", dir}, base+2000), "bounded by the limit")
}

func TestReserve(t *testing.T) {
	if pageSize() == 0 {
		t.Skip("transparent huge pages are not in madvise mode here: Reserve does nothing (covered by TestReserveDisabled)")
	}
	// The package's init reserved its own range, which Reserve would reuse:
	// ask for more than that, so that new address space must be advised.
	before := hugeAdvised(t)
	advised := Reserve(before + 64<<20)
	require.NotZero(t, advised)
	after := hugeAdvised(t)
	// The new block may begin inside the range freed before it: the
	// advised mappings cover at least the new range, and more than before.
	assert.GreaterOrEqual(t, after, advised, "/proc/self/smaps shows the range advised")
	assert.Greater(t, after, before)
}

func TestReserveDisabled(t *testing.T) {
	t.Setenv("GODEBUG", "gctrace=0,disablethp=1")
	assert.Zero(t, Reserve(64<<20))
	assert.Zero(t, Reserve(1), "too small to hold a huge page")
}

// hugeAdvised sums the sizes of this process's mappings flagged MADV_HUGEPAGE
// ("hg" in VmFlags).
func hugeAdvised(t *testing.T) uint64 {
	b, err := os.ReadFile("/proc/self/smaps")
	require.NoError(t, err)
	var total, size uint64
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 3 && f[0] == "Size:":
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			size = kb << 10
		case len(f) > 0 && f[0] == "VmFlags:":
			for _, flag := range f[1:] {
				if flag == "hg" {
					total += size
				}
			}
		}
	}
	return total
}
