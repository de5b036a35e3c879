package write

import (
	"io/fs"
	"syscall"
)

// stamp is how a file stood on disk when a build noted it. The change
// time cannot be set back as the modification time can (touch -d), and
// the inode tells a new file from the old.
type stamp struct {
	Size, Mod, Change int64
	Inode             uint64
}

// sysStamp fills in the fields of a stamp only the system knows.
func sysStamp(st fs.FileInfo) stamp {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return stamp{}
	}
	return stamp{Change: s.Ctim.Nano(), Inode: s.Ino}
}
