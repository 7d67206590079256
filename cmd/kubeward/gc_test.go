package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTuneGC: only `lint` over small regular files turns the collector off.
func TestTuneGC(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.yaml")
	big := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(small, []byte("kind: ConfigMap\n"), 0o644))
	require.NoError(t, os.WriteFile(big, make([]byte, smallRunLimit+1), 0o644))
	for _, c := range []struct {
		args   []string
		off    bool
		budget bool // a lint run that is not small: runGCPercent under memoryBudget
	}{
		{[]string{"lint", small}, true, false},
		{[]string{"lint", "-q", small, small}, true, false},
		{[]string{"lint", big}, false, true},
		{[]string{"lint", dir}, false, true},
		{[]string{"lint", "-"}, false, true},
		{[]string{"lint", "--format=json", small}, false, true},
		{[]string{"lint", "-f", "json", small}, false, true}, // "json" is no file
		{[]string{"test", small}, false, false},
		{[]string{"lint"}, false, true},
		{[]string{"lint", "-q"}, false, true},
	} {
		t.Setenv("GOGC", "")
		t.Setenv("GOMEMLIMIT", "")
		watch := tuneGC(c.args)
		percent := debug.SetGCPercent(100)
		limit := debug.SetMemoryLimit(math.MaxInt64)
		assert.Equal(t, c.off, percent == -1, "%v", c.args)
		assert.Equal(t, c.budget, watch, "%v", c.args)
		switch {
		case c.off:
			assert.Equal(t, int64(1<<30), limit, "%v", c.args)
		case c.budget:
			assert.Equal(t, int64(memoryBudget), limit, "%v", c.args)
			assert.Equal(t, runGCPercent, percent, "%v", c.args)
		default:
			assert.Equal(t, int64(math.MaxInt64), limit, "%v", c.args)
			assert.Equal(t, 100, percent, "%v: Go's default", c.args)
		}
	}
}

// TestMemoryLimitFollowsTheLiveHeap: the budget holds while the live heap
// leaves it 30% to grow in, and then grows with it, so that a large input is
// never collected back to back.
func TestMemoryLimitFollowsTheLiveHeap(t *testing.T) {
	const mb = 1 << 20
	assert.Equal(t, int64(memoryBudget), nextLimit(100*mb, memoryBudget))
	assert.Equal(t, int64(memoryBudget), nextLimit(memoryBudget*7/10, memoryBudget))
	live := int64(memoryBudget*7/10 + mb)
	assert.Equal(t, live*16/10, nextLimit(live, memoryBudget))
	assert.Greater(t, nextLimit(live, memoryBudget)-live, live/2, "headroom of more than half the live heap")
	for _, l := range []int64{2000 * mb, 5000 * mb} {
		assert.GreaterOrEqual(t, nextLimit(l, nextLimit(l, memoryBudget)), l*16/10)
	}
}

// TestGCFromTheEnvironmentWins: GOGC or GOMEMLIMIT set by the user turns off
// the CLI's own tuning.
func TestGCFromTheEnvironmentWins(t *testing.T) {
	small := filepath.Join(t.TempDir(), "small.yaml")
	require.NoError(t, os.WriteFile(small, []byte("kind: ConfigMap\n"), 0o644))
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			t.Setenv(env, "150")
			debug.SetGCPercent(100)
			tuneGC([]string{"lint", small})
			assert.Equal(t, 100, debug.SetGCPercent(100), "the collector is left on")
		})
	}
}
