package resultcache

import (
	"fmt"
	"io/fs"
	"syscall"
)

// fileStamp identifies a file's content as the kernel tracks it; ok is false
// when the system gives no change time.
func fileStamp(info fs.FileInfo) (string, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("dev=%d ino=%d size=%d mtime=%d ctime=%d", st.Dev, st.Ino, st.Size, info.ModTime().UnixNano(), st.Ctim.Nano()), true
}
