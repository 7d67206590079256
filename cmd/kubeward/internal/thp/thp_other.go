//go:build !linux

package thp

// Reserve does nothing where transparent huge pages are not Linux's.
func Reserve(uint64) uint64 { return 0 }

func pageSize() uint64 { return 0 }

func reserve(uint64, uint64, func()) uint64 { return 0 }
