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

// chunk is the size of the pieces the block is allocated in. One allocation
// of the whole block was, in about half the runs, placed over pages an
// earlier package's init had used and freed, and the runtime then cleared all
// of it: 7–9 s for 2 GiB here, every page of it made resident. A piece of
// 64 MiB (the runtime's arena) cannot fit in the few MiB freed that early.
const chunk = 64 << 20

// reserve allocates size bytes of untouched heap, marks them MADV_HUGEPAGE
// and drops them; release frees them once they are no longer referenced.
func reserve(size, huge uint64, release func()) uint64 {
	if ram := totalRAM(); ram > 0 {
		size = min(size, ram)
	}
	if huge == 0 || size < 2*huge {
		return 0
	}
	advised := advise(size, huge)
	release()
	return advised
}

// advise allocates the block and advises it. Its pieces are contiguous in
// practice (the heap grows upwards, an arena at a time), so the range from
// the first to the last is advised at once; where that fails (a gap in it is
// not mapped), each piece is.
func advise(size, huge uint64) uint64 {
	var pieces [][]byte
	lo, hi := ^uintptr(0), uintptr(0)
	for left := size; left > 0; {
		n := min(left, chunk)
		b := make([]byte, n)
		at := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		lo, hi = min(lo, at), max(hi, at+uintptr(n))
		pieces = append(pieces, b)
		left -= n
	}
	advised := madvise(lo, hi, uintptr(huge))
	if advised == 0 {
		for _, b := range pieces {
			at := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
			advised += madvise(at, at+uintptr(len(b)), uintptr(huge))
		}
	}
	runtime.KeepAlive(pieces)
	return advised
}

// madvise marks the huge pages wholly inside [from, to) and returns their
// size (0 on failure). The addresses are the heap's, passed as integers: the
// range may span several allocations.
func madvise(from, to, huge uintptr) uint64 {
	beg := (from + huge - 1) &^ (huge - 1)
	end := to &^ (huge - 1)
	if end <= beg {
		return 0
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, madvHugepage); errno != 0 {
		return 0
	}
	return uint64(end - beg)
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
