// Package regularfile opens and reads files that must be regular files:
// settings, routines, import and restore files. A FIFO, a device or a
// socket where one of those is expected would block open(2) or read(2)
// forever, or read without end; this package refuses them at once, with a
// message naming the path, and enforces a size ceiling where the caller
// gives one.
package regularfile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// NotRegularError is a path that names something other than a regular
// file: a folder, a FIFO, a device or a socket.
type NotRegularError struct {
	Path string
	// Kind says what it is instead: "a folder", "a named pipe (FIFO)"...
	Kind string
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file; quietlegs reads only regular files", e.Path, e.Kind)
}

// LogSafe describes the error without the path, for the debug log.
func (e *NotRegularError) LogSafe() string { return "not a regular file (" + e.Kind + ")" }

// TooLargeError is a file larger than its reader accepts.
type TooLargeError struct {
	Path      string
	Size, Max int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is too large (%s; at most %s)", e.Path, Size(e.Size), Size(e.Max))
}

// LogSafe describes the error without the path, for the debug log.
func (e *TooLargeError) LogSafe() string {
	return fmt.Sprintf("file too large (%d bytes; at most %d)", e.Size, e.Max)
}

// Size writes a size of n bytes for people: bytes below 1 KiB, else KiB or
// MiB with one decimal, rounded up, so that a size over a limit never
// reads as the limit itself.
func Size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return tenths(n, 1<<10) + " KiB"
	}
	return tenths(n, 1<<20) + " MiB"
}

func tenths(n, unit int64) string {
	t := (n*10 + unit - 1) / unit // rounded up
	if t%10 == 0 {
		return fmt.Sprintf("%d", t/10)
	}
	return fmt.Sprintf("%d.%d", t/10, t%10)
}

// Open opens path for reading without blocking, and returns it only if it
// is a regular file. Anything else is refused with a *NotRegularError and
// closed again. A missing file's error wraps fs.ErrNotExist.
func Open(path string) (*os.File, error) {
	f, err := openNonblock(path)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, &NotRegularError{Path: path, Kind: kind(fi.Mode())}
	}
	if err := clearNonblock(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Read reads the whole regular file at path. With max > 0, a file larger
// than max bytes is refused with a *TooLargeError giving its real size.
func Read(path string, max int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if max > 0 && fi.Size() > max {
		return nil, &TooLargeError{Path: path, Size: fi.Size(), Max: max}
	}
	var r io.Reader = f
	if max > 0 {
		r = io.LimitReader(f, max+1) // it may have grown since
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if max > 0 && int64(len(data)) > max {
		return nil, &TooLargeError{Path: path, Size: max + 1, Max: max}
	}
	return data, nil
}

// kind names a file mode's type for a message.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}
