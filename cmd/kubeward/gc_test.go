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
		args []string
		off  bool
	}{
		{[]string{"lint", small}, true},
		{[]string{"lint", "-q", small, small}, true},
		{[]string{"lint", big}, false},
		{[]string{"lint", dir}, false},
		{[]string{"lint", "-"}, false},
		{[]string{"lint", "--format=json", small}, false},
		{[]string{"lint", "-f", "json", small}, false}, // "json" is no file
		{[]string{"test", small}, false},
		{[]string{"lint"}, false},
		{[]string{"lint", "-q"}, false},
	} {
		t.Setenv("GOGC", "")
		t.Setenv("GOMEMLIMIT", "")
		tuneGC(c.args)
		percent := debug.SetGCPercent(100)
		limit := debug.SetMemoryLimit(math.MaxInt64)
		assert.Equal(t, c.off, percent == -1, "%v", c.args)
		if c.off {
			assert.Equal(t, int64(1<<30), limit, "%v", c.args)
		}
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
