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
// expands into far more than its size. This is the only place the collector
// is set: main calls it before anything runs, never run(), which tests call
// concurrently, and the engine never does (a program importing it keeps its
// own settings). Every other run keeps Go's defaults: the GOGC=200 streamed
// runs used to get took the 100k set's peak from 2.2 to 3.2 GB, against a
// target of 1.5 GB (docs/performance.md).
// GOGC or GOMEMLIMIT in the environment leaves the collector as the user set
// it.
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
// wins over the CLI's own choice.
func userTunedGC() bool {
	return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != ""
}
