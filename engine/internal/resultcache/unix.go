//go:build unix

package resultcache

import (
	"io/fs"
	"syscall"
)

const supported = true

func ownerOf(info fs.FileInfo) (int, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}
