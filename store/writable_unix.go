//go:build unix

package store

import (
	"errors"
	"fmt"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// checkWritable says plainly when the database or its folder cannot be
// written (SQLite only says "unable to open database file"). It writes
// nothing: access(2) answers for a read-only disk even to root.
func checkWritable(path string) error {
	for _, p := range []string{filepath.Dir(path), path} {
		switch err := unix.Access(p, unix.W_OK); {
		case err == nil:
		case errors.Is(err, unix.EROFS):
			return fmt.Errorf("open database %s: the disk is read-only, and quietlegs saves as it goes; use a writable place (--db)", path)
		case errors.Is(err, unix.EACCES), errors.Is(err, unix.EPERM):
			return fmt.Errorf("open database %s: you may not write to %s; check its permissions or use --db", path, p)
		default:
			return fmt.Errorf("open database %s: %w", path, err)
		}
	}
	return nil
}
