//go:build unix

package write

import (
	"os"
	"syscall"
)

// noFollow makes opening a symbolic link fail instead of following it.
const noFollow = syscall.O_NOFOLLOW

// shared reports whether the file has more than one name.
func shared(st os.FileInfo) bool {
	s, ok := st.Sys().(*syscall.Stat_t)
	return !ok || s.Nlink != 1
}
