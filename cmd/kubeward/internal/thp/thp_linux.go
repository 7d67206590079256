//go:build linux

package thp

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

const madvHugepage = 14 // MADV_HUGEPAGE; not in package syscall on every architecture

// Reserve marks size bytes of heap address space for huge pages. It returns
// the number of bytes advised (0 when the system, the platform or the
// environment says not to).
func Reserve(size uint64) uint64 {
	return reserve(size, pageSize(), debug.FreeOSMemory)
}

// pageSize is the huge page size Reserve would use, 0 when it would do
// nothing.
func pageSize() uint64 {
	if unsafe.Sizeof(uintptr(0)) < 8 || disabled() {
		return 0
	}
	return hugePageSize()
}

// release frees the block reserve allocated, once it is no longer referenced.
func reserve(size, huge uint64, release func()) uint64 {
	if ram := totalRAM(); ram > 0 {
		size = min(size, ram)
	}
	if huge == 0 || size < 2*huge {
		return 0
	}
	block := make([]byte, size)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	beg := (start + uintptr(huge) - 1) &^ (uintptr(huge) - 1)
	end := (start + uintptr(size)) &^ (uintptr(huge) - 1)
	var advised uint64
	if end > beg {
		if syscall.Madvise(block[beg-start:end-start], madvHugepage) == nil {
			advised = uint64(end - beg)
		}
	}
	runtime.KeepAlive(block)
	block = nil
	release()
	return advised
}

// hugePageSize is the size of a transparent huge page when the system gives
// them on request only, else 0: with "always" every mapping has them already,
// with "never" none can.
func hugePageSize() uint64 {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(mode), "[madvise]") {
		return 0
	}
	// Strict overcommit accounts address space as if it were used: a large
	// untouched block could then fail the process.
	if oc, err := os.ReadFile("/proc/sys/vm/overcommit_memory"); err != nil || strings.TrimSpace(string(oc)) == "2" {
		return 0
	}
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size")
	if err != nil {
		return 0
	}
	n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return 0
	}
	return n
}

func disabled() bool {
	for _, kv := range strings.Split(os.Getenv("GODEBUG"), ",") {
		if strings.TrimSpace(kv) == "disablethp=1" {
			return true
		}
	}
	return false
}

// totalRAM is the machine's memory: more address space than that cannot be
// filled without swapping anyway.
func totalRAM() uint64 {
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) != nil {
		return 0
	}
	return uint64(si.Totalram) * uint64(si.Unit)
}
