package main

import (
	"os"
	"runtime/debug"
	"strings"
)

// smallRunLimit is the input size under which a lint run is short enough to
// skip garbage collection: a pre-commit hook's few manifests cost tens of
// megabytes of short-lived allocations, and collecting them is time the
// user waits for.
const smallRunLimit = 4 << 20

// tuneGC turns the collector off for `kubeward lint FILE...` over regular files
// of smallRunLimit bytes in all (boolean flags allowed; any other argument
// keeps the default). A soft memory limit still collects if a small file
// expands into far more than its size. Process-wide: main only, never run(),
// which tests call concurrently. GOGC or GOMEMLIMIT in the environment
// leaves the collector as the user set it.
func tuneGC(args []string) {
	if len(args) < 2 || args[0] != "lint" || userTunedGC() {
		return
	}
	var total int64
	files := 0
	for _, a := range args[1:] {
		if a == "-" { // stdin: any size
			return
		}
		if strings.HasPrefix(a, "-") {
			if strings.Contains(a, "=") {
				return
			}
			continue
		}
		info, err := os.Stat(a)
		if err != nil || !info.Mode().IsRegular() {
			return
		}
		if total += info.Size(); total > smallRunLimit {
			return
		}
		files++
	}
	if files == 0 {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(1 << 30)
}

// userTunedGC says whether the environment sets the collector, which then
// wins over the CLI's own choices (here and while streaming).
func userTunedGC() bool {
	return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != ""
}

// streamingGCPercent is engine.Options.GCPercentWhileStreaming for a CLI run:
// measured on the 100k set against Go's default of 100, 105 → 74 s for
// 2.2 → 3.2 GB peak (docs/performance.md). 0 (unchanged) when the
// environment sets the collector.
func streamingGCPercent() int {
	if userTunedGC() {
		return 0
	}
	return 200
}
