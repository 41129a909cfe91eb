//go:build unix

package regularfile

import (
	"os"
	"syscall"
)

// openNonblock opens path with O_NONBLOCK, so that a FIFO without a writer
// does not block the open.
func openNonblock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// clearNonblock puts a regular file back in blocking mode (which changes
// nothing for regular files, but keeps reads plain).
func clearNonblock(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = syscall.SetNonblock(int(fd), false) }); err != nil {
		return err
	}
	return serr
}
