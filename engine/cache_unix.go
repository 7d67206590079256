//go:build unix

package engine

import (
	"io/fs"
	"syscall"
)

const cacheSupported = true

func ownerOf(info fs.FileInfo) (int, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}
