package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/quietlegs/quietlegs/night"
	"github.com/spf13/pflag"
)

// emit writes data to standard output when output is "" or "-", else to
// the file output, whole or not at all, and then says done on stderr. It
// never writes over the database, its side files or any SQLite file.
func (a *app) emit(output string, data []byte, done string) error {
	if output == "" || output == "-" {
		_, err := a.stdout.Write(data)
		return err
	}
	if err := a.checkOutput(output); err != nil {
		return err
	}
	if err := writeFileAtomic(output, data); err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, done)
	return nil
}

// periodFlags are --from and --to, the first and last night of a
// command's period; checkRange checks them.
func periodFlags(fl *pflag.FlagSet, from, to *string, fromNote, toNote string) {
	fl.StringVar(from, "from", "", "first night, YYYY-MM-DD ("+fromNote+")")
	fl.StringVar(to, "to", "", "last night, YYYY-MM-DD ("+toNote+")")
}

// outputFlag is --output, the file emit writes.
func outputFlag(fl *pflag.FlagSet, output *string) {
	fl.StringVarP(output, "output", "o", "", "file to write (default: standard output)")
}

// checkRange checks --from and --to: each a night, if given, and in order.
func checkRange(from, to string) error {
	for _, d := range []struct{ flag, v string }{{"from", from}, {"to", to}} {
		if err := night.CheckDate(d.v); d.v != "" && err != nil {
			return usageError("--%s %q: not a date (YYYY-MM-DD)", d.flag, d.v)
		}
	}
	if from != "" && to != "" && from > to {
		return usageError("--from %s is after --to %s", from, to)
	}
	return nil
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkOutput refuses an output path that is the database, its -wal,
// -shm or run lock, or any SQLite file (a backup, another database),
// directly or through links: writing a report there would destroy it.
func (a *app) checkOutput(output string) error {
	db, err := a.dbPath()
	if err != nil {
		db = ""
	}
	out := resolve(output)
	if db != "" {
		base := resolve(db)
		for _, side := range []string{"", "-wal", "-shm", "-journal", ".run-lock"} {
			if out == base+side || sameFile(output, db+side) {
				return usageError("--output %s is the database %s%s: choose another file", output, db, side)
			}
		}
	}
	if f, err := os.Open(output); err == nil {
		head := make([]byte, len(sqliteHeader))
		n, _ := io.ReadFull(f, head)
		f.Close()
		if bytes.Equal(head[:n], sqliteHeader) {
			return usageError("--output %s is an SQLite database (a backup?): choose another file", output)
		}
	}
	return nil
}

// resolve is path made absolute with its links followed as far as they
// exist, so two spellings of one file compare equal even before it exists.
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// sameFile reports whether a and b name one existing file.
func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// writeFileAtomic writes data to path through a temporary file in the same
// folder, so the path holds either the old file or the whole new one, never
// half. The file is 0600: it holds health records.
func writeFileAtomic(path string, data []byte) error {
	return writeFileAtomicWith(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeBuffer is how much an export gathers before each write: a night of
// JSON is about 3 KB, and at bufio's default 4 KB nearly every night was
// a system call of its own.
const writeBuffer = 64 << 10

// writeFileAtomicWith is writeFileAtomic with the contents written by
// write as they are made; when write fails, path is left as it was.
func writeFileAtomicWith(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(tmp, writeBuffer)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
