// Package thp asks Linux for transparent huge pages on the Go heap when the
// system gives them only to memory that asks (THP mode "madvise", the default
// of Debian and Ubuntu).
//
// Why: a first touch of a 4 KiB page is a page fault, and on virtual machines
// a fault costs microseconds. A cold `kubeward lint` of one Deployment
// touches ~20 MiB of fresh heap (parsing and compiling the library), about
// 5,000 faults: on the 2-core VM of docs/performance.md that was a third of
// the run. With 2 MiB pages the same heap takes a few dozen faults.
//
// How: the Go runtime maps heap memory without advice, and a mapping made
// later does not inherit advice given earlier. So, before anything else
// allocates much, Reserve allocates one large, untouched block (virtual
// memory only), marks its range MADV_HUGEPAGE, and frees it back to the
// runtime and the OS. The runtime then places new spans at the lowest free
// addresses, inside that range, and the kernel backs them with huge pages as
// they are first touched. Nothing is resident until used.
//
// It is imported for its side effect by package main only: the heap is the
// process's, not a library's, to tune. GODEBUG=disablethp=1 (the runtime's own
// switch for huge pages) turns it off.
package thp

import "runtime/debug"

func init() {
	// Sizing a lint run walks its folders: only where there is something to
	// reserve.
	if huge := pageSize(); huge > 0 {
		// No collection until the block is allocated: sizing a folder
		// allocates, and a collection would leave freed pages below the
		// block, where the runtime would place it and then clear it
		// (seconds, and every page made resident: see chunk).
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
		size := regionSize()
		// The block is freed, and released to the OS, by a collection of its
		// own, so that it neither waits for one (the collector may be off for
		// a short run) nor counts against a memory limit. That collection
		// costs ≈ 5 ms here: for a short run (a region of about the base
		// size) it runs beside the other packages' inits instead of before
		// them (cold start −15–20 ms). Not for a long one: there 5 ms do not
		// matter, and the region must be free before its heap grows.
		release := debug.FreeOSMemory
		if size <= 2*base {
			release = func() { go debug.FreeOSMemory() }
		}
		reserve(size, huge, release)
	}
}
