package journal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"

	"github.com/quietlegs/quietlegs/archive"
	"github.com/quietlegs/quietlegs/night"
)

// Formats the export writes.
const (
	FormatJSON = "json"
	FormatCSV  = "csv"
	// FormatEventsCSV is the flare-ups as CSV, one row per flare-up.
	FormatEventsCSV = "events-csv"
)

// Export writes every night in [from, to] ("" leaves an end open) to w,
// in date order, as JSON (the backup format that Import reads), CSV (one
// row a night), or the nights' flare-ups as CSV (one row a flare-up), as
// the nights are read: none is held longer than it takes to write it. It
// returns how many nights it wrote.
func (j *Journal) Export(ctx context.Context, w io.Writer, format, from, to string) (int, error) {
	if format != FormatJSON && format != FormatCSV && format != FormatEventsCSV {
		return 0, &night.FieldError{Field: "format", Msg: fmt.Sprintf("%q: want json, csv or events-csv", format)}
	}
	var (
		nw  archive.NightWriter
		err error
	)
	switch format {
	case FormatJSON:
		labs, lerr := j.st.Labs(ctx)
		if lerr != nil {
			return 0, lerr
		}
		nw, err = archive.NewJSONWriter(w, j.Now(), labs)
	case FormatEventsCSV:
		nw, err = archive.NewEventsCSVWriter(w)
	default:
		nw, err = archive.NewCSVWriter(w)
	}
	if err != nil {
		return 0, err
	}
	n := 0
	err = j.st.EachNight(ctx, from, to, func(r night.Record) error {
		n++
		return nw.Write(r)
	})
	if err != nil {
		return n, err
	}
	return n, nw.Close()
}

// FileError is a file Import refused for what is in it (not for a disk
// or the records failing): the person can correct the file.
type FileError struct{ Err error }

func (e *FileError) Error() string { return e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Import reads a JSON export from r and merges it by night, all or
// nothing: a file with any mistake, or a night yet to come, is refused
// whole, with where the mistake is.
func (j *Journal) Import(ctx context.Context, r io.Reader) (ImportResult, error) {
	doc, err := archive.ReadExport(r, j.Tonight())
	if err != nil {
		return ImportResult{}, &FileError{Err: err}
	}
	return j.st.Import(ctx, doc.Nights, doc.Labs)
}

// Backup writes a consistent copy of the records to path, even while
// another window saves. With path "" the copy goes beside the records,
// named by the time to the nanosecond (quietlegs-backup-<UTC>.db), with
// -2, -3... added should that name be taken. It returns the copy's path.
func (j *Journal) Backup(ctx context.Context, path string) (string, error) {
	if path != "" {
		return path, j.st.Backup(ctx, path)
	}
	base := filepath.Join(filepath.Dir(j.st.Path()),
		"quietlegs-backup-"+j.Now().UTC().Format(backupStamp))
	path = base + ".db"
	for n := 2; ; n++ {
		err := j.st.Backup(ctx, path)
		if err == nil {
			return path, nil
		}
		if !errors.Is(err, fs.ErrExist) || n > maxBackupTries {
			return "", err
		}
		path = fmt.Sprintf("%s-%d.db", base, n)
	}
}

// backupStamp is the time in a default backup's name, as store names its
// own backups.
const backupStamp = "20060102T150405.000000000Z"

// maxBackupTries bounds the names tried for one default backup.
const maxBackupTries = 100
