package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"time"
)

// smallRunLimit is the input size under which a lint run is short enough to
// skip garbage collection: a pre-commit hook's few manifests cost tens of
// megabytes of short-lived allocations, and collecting them is time the
// user waits for.
const smallRunLimit = 4 << 20

// memoryBudget is the soft memory limit a longer lint run starts with. With
// Go's default alone the heap may reach twice what is live: 2.2-2.4 GB at the
// peak of the 100k set, whose live heap ends near 850 MB. Under this limit the
// collector runs more often only once the heap nears it (measured on the 100k
// set: peak 1.42 GB, about a tenth more CPU; docs/performance.md). It was
// 1.25 GiB under GOGC=100; with runGCPercent the heap reaches the limit more
// often, and the 100k set peaked at 1,459 MiB under it, too near 1.5 GB.
const memoryBudget = 1152 << 20

// runGCPercent is the GOGC of a longer lint run. A run allocates far more
// than it keeps (a streamed run keeps 130-210 MB of the 30k set while it
// allocates 5 GB), so at Go's 100 it collected every time it had allocated
// what it keeps; twice that halves the collections, and memoryBudget still
// bounds the peak (docs/performance.md, "The collector").
const runGCPercent = 200

// tuneGC sets the collector for the run args describe and reports whether
// the memory budget must follow the live heap (watchMemory). `kubeward lint
// FILE...` over regular files of smallRunLimit bytes in all (boolean flags
// allowed) runs with the collector off under a soft limit that still
// collects if a small file expands into far more than its size; every other
// lint run has GOGC=runGCPercent under memoryBudget. Other commands keep Go's
// defaults. This is the only place the collector is set: main calls it
// before anything runs, never run(), which tests call concurrently, and the
// engine never does (a program importing it keeps its own settings). GOGC or
// GOMEMLIMIT in the environment leaves the collector as the user set it.
func tuneGC(args []string) (watch bool) {
	if len(args) < 1 || args[0] != "lint" || userTunedGC() {
		return false
	}
	if !smallRun(args) {
		debug.SetGCPercent(runGCPercent)
		debug.SetMemoryLimit(memoryBudget)
		return true
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(1 << 30)
	return false
}

// smallRun says whether a lint command line names only regular files of
// smallRunLimit bytes in all.
func smallRun(args []string) bool {
	if len(args) < 2 {
		return false
	}
	var total int64
	files := 0
	for _, a := range args[1:] {
		if a == "-" { // stdin: any size
			return false
		}
		if strings.HasPrefix(a, "-") {
			if strings.Contains(a, "=") {
				return false
			}
			continue
		}
		info, err := os.Stat(a)
		if err != nil || !info.Mode().IsRegular() {
			return false
		}
		if total += info.Size(); total > smallRunLimit {
			return false
		}
		files++
	}
	return files > 0
}

// watchMemory raises the soft memory limit when the live heap nears it, so
// that an input whose live data outgrows memoryBudget is never collected
// back to back (past the limit the collector would run continuously, up to
// half the CPU). It runs for the life of the process; main starts it.
func watchMemory() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	limit := int64(memoryBudget)
	for range time.Tick(250 * time.Millisecond) {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		if next := nextLimit(int64(sample[0].Value.Uint64()), limit); next != limit {
			limit = next
			debug.SetMemoryLimit(limit)
		}
	}
}

// nextLimit is the soft limit for a live heap: unchanged while the heap has
// 30% of the limit to grow in, else 1.6 times the live heap (the headroom of
// GOGC=60).
func nextLimit(live, limit int64) int64 {
	if live*10 <= limit*7 {
		return limit
	}
	return live * 16 / 10
}

// userTunedGC says whether the environment sets the collector, which then
// wins over the CLI's own choice.
func userTunedGC() bool {
	return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != ""
}
