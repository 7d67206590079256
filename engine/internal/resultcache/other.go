//go:build !unix

package resultcache

import "io/fs"

// Without unix owners and modes, who else may write the cache folder cannot
// be checked: the result cache is off.
const supported = false

func ownerOf(fs.FileInfo) (int, bool) { return 0, false }

func fileStamp(fs.FileInfo) (string, bool) { return "", false }
