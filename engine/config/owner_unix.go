//go:build unix

package config

import (
	"os"
	"syscall"
)

// foreignOwner returns the owner of a file that belongs neither to the
// current user nor to root.
func foreignOwner(info os.FileInfo) (uint32, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	if st.Uid == 0 || int(st.Uid) == os.Getuid() {
		return 0, false
	}
	return st.Uid, true
}
