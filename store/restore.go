package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/regularfile"
)

// RestoreResult is what Restore did.
type RestoreResult struct {
	// Version is the restored file's schema version; an older one is
	// upgraded when the database is next opened.
	Version int
	// Nights counts the nights with any record in it.
	Nights int
	// Backup is the copy of the database replaced; "" when there was none.
	Backup string
}

// Restore replaces the database at dbPath with the quietlegs database in
// src. It refuses, naming src and touching nothing, anything but a regular
// file holding a whole SQLite database (PRAGMA integrity_check, not only
// quick_check) with quietlegs' application id and a schema version this
// build reads. It refuses too while a routine runs (the run lock, which it
// holds throughout, returning journal.ErrRunElsewhere) and while another
// process has the database open.
//
// Then it copies the database as it was to <db>.restore-<UTC time>.bak
// (the newest keepBackups kept), removes its -wal and -shm, so SQLite
// never replays the old database's log onto the restored file, and
// renames a synced copy of src into its place, 0600. The caller must have
// no handle open on the database.
func Restore(ctx context.Context, dbPath, src string) (RestoreResult, error) {
	if dbPath == "" || src == "" {
		return RestoreResult{}, errors.New("restore: no path given")
	}
	in, err := regularfile.Open(src)
	if err != nil {
		return RestoreResult{}, fmt.Errorf("restore: %w; nothing was changed", err)
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return RestoreResult{}, fmt.Errorf("restore %s: %w", src, err)
	}
	if same, _ := os.Stat(dbPath); same != nil && os.SameFile(fi, same) {
		return RestoreResult{}, fmt.Errorf("restore %s: that is the database itself; nothing was changed", src)
	}
	if err := checkHeaderOf(src, in, fi.Size()); err != nil {
		return RestoreResult{}, refusal(err)
	}
	// Only the file itself is copied: changes still in a log beside it
	// would be lost.
	if wal, err := os.Stat(src + "-wal"); err == nil && wal.Size() > 0 {
		return RestoreResult{}, fmt.Errorf("restore %s: it has a -wal beside it with changes not yet in the file "+
			"(is it open, or was it copied while open?); make a whole copy with quietlegs --db %s backup NEW, "+
			"and restore NEW; nothing was changed", src, src)
	}

	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return RestoreResult{}, fmt.Errorf("restore: create database folder %s: %w", dir, err)
	}
	lock, err := (&Store{path: dbPath}).LockRun()
	if err != nil {
		return RestoreResult{}, fmt.Errorf("restore: %w; restore once it has ended (nothing was changed)", err)
	}
	defer lock.Release()

	// The copy is checked, not src: what is renamed in is what passed.
	tmp, err := copyBeside(dbPath, in)
	if err != nil {
		return RestoreResult{}, fmt.Errorf("restore %s: %w; nothing was changed", src, err)
	}
	renamed := false
	defer func() {
		if !renamed {
			os.Remove(tmp)
		}
	}()
	res, err := checkRestorable(ctx, src, tmp)
	if err != nil {
		return RestoreResult{}, refusal(err)
	}

	if res.Backup, err = backupReplaced(ctx, dbPath, time.Now()); err != nil {
		return RestoreResult{}, err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return res, fmt.Errorf("restore: remove %s: %w; the database is unchanged", dbPath+suffix, err)
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return res, fmt.Errorf("restore: put %s in place of %s: %w", src, dbPath, err)
	}
	renamed = true
	syncDir(dir)
	return res, os.Chmod(dbPath, 0o600)
}

// refusal is a file Restore will not use, nothing changed.
func refusal(err error) error {
	return fmt.Errorf("restore: %s; nothing was changed", strings.TrimPrefix(err.Error(), "open database "))
}

// copyBeside copies r to a new owner-only file beside dbPath and syncs it.
func copyBeside(dbPath string, r io.Reader) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(dbPath), filepath.Base(dbPath)+".restoring-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(f, r)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// checkRestorable checks the copy tmp of src, read as it is on disk
// (immutable: no locks, no -wal or -shm made or read), naming src.
func checkRestorable(ctx context.Context, src, tmp string) (RestoreResult, error) {
	db, err := sql.Open("sqlite", dsn(tmp, "mode=ro&immutable=1"))
	if err != nil {
		return RestoreResult{}, fmt.Errorf("%s: %w", src, err)
	}
	defer db.Close()
	id, problems, err := inspect(ctx, db, integrityCheck)
	switch {
	case err != nil && isCorrupt(err):
		return RestoreResult{}, fmt.Errorf("%s is damaged (%v)", src, err)
	case err != nil:
		return RestoreResult{}, fmt.Errorf("%s: %w", src, err)
	}
	if err := checkIdentity(src, id.appID, id.version, id.tables); err != nil {
		return RestoreResult{}, err
	}
	if id.appID != ApplicationID || id.version < 1 {
		return RestoreResult{}, fmt.Errorf("%s is not a quietlegs database (it holds no quietlegs records)", src)
	}
	if len(problems) > 0 {
		return RestoreResult{}, fmt.Errorf("%s is damaged (%s)", src, strings.Join(problems[:min(len(problems), maxProblems)], "; "))
	}
	res := RestoreResult{Version: int(id.version)}
	q := "SELECT count(DISTINCT night) FROM sessions"
	if id.version >= 2 {
		q = "SELECT count(*) FROM (SELECT night FROM sessions UNION SELECT night FROM evenings UNION SELECT night FROM checkins)"
	}
	if err := db.QueryRowContext(ctx, q).Scan(&res.Nights); err != nil {
		return RestoreResult{}, fmt.Errorf("%s: count nights: %w", src, err)
	}
	return res, nil
}

// integrityCheck runs PRAGMA integrity_check, which besides every page
// checks every index against its table, and returns what it found wrong.
func integrityCheck(ctx context.Context, db *sql.DB) ([]string, error) {
	return check(ctx, db, "integrity_check")
}

// backupReplaced copies the database at dbPath, about to be replaced, to
// <db>.restore-<stamp>.bak and keeps the newest keepBackups such copies.
// A missing or empty database needs none (""). A sound one is copied with
// VACUUM INTO through a connection of its own, which, once closed, also
// checkpoints and removes its -wal: a -wal still there then belongs to
// another process with the database open, and restore refuses. A database
// that cannot be read that way (damaged: the reason to restore) is copied
// byte for byte, its -wal beside the copy as <copy>-wal.
func backupReplaced(ctx context.Context, dbPath string, now time.Time) (string, error) {
	fi, err := os.Lstat(dbPath)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("restore: %s is not a regular file; nothing was changed", dbPath)
	}
	if fi.Size() == 0 {
		return "", nil
	}
	name := backupName(dbPath, restoreKind, now)
	s := &Store{path: dbPath}
	err = func() error {
		if err := checkOwnDatabase(dbPath); err != nil {
			return err
		}
		db, err := sql.Open("sqlite", dsn(dbPath, "_pragma=busy_timeout(5000)"))
		if err != nil {
			return err
		}
		s.db = db
		db.SetMaxOpenConns(1)
		err = s.vacuumInto(ctx, name)
		if cerr := db.Close(); err == nil {
			err = cerr
		}
		return err
	}()
	var foreign foreignError
	switch {
	case errors.As(err, &foreign):
		return "", fmt.Errorf("restore: %w; restore will not replace it (nothing was changed)", err)
	case err == nil:
		if _, werr := os.Lstat(dbPath + "-wal"); werr == nil {
			os.Remove(name)
			return "", fmt.Errorf("restore: another program (another quietlegs window?) has %s open; close it and try again (nothing was changed)", dbPath)
		}
	default:
		os.Remove(name)
		if err := copyRaw(dbPath, name); err != nil {
			return "", fmt.Errorf("restore: copy %s to %s: %w; nothing was changed", dbPath, name, err)
		}
	}
	// Old copies that cannot be deleted are only extra files.
	_ = pruneBackups(dbPath, restoreKind, keepBackups)
	return name, nil
}

// foreignError is a database at the database's path that another program
// made: restore does not overwrite it.
type foreignError struct{ msg string }

func (e foreignError) Error() string { return e.msg }

// checkOwnDatabase refuses, as a foreignError, a sound SQLite database of
// another program's. Damage is for the caller's fallback.
func checkOwnDatabase(path string) error {
	db, err := sql.Open("sqlite", dsn(path, "mode=ro&_pragma=busy_timeout(5000)"))
	if err != nil {
		return err
	}
	defer db.Close()
	var appID int64
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return err
	}
	if appID == ApplicationID {
		return nil
	}
	tables, err := userTables(context.Background(), db)
	if err != nil {
		return err
	}
	if appID != 0 || len(tables) > 0 {
		return foreignError{fmt.Sprintf("%s is not a quietlegs database", path)}
	}
	return nil
}

// copyRaw copies the file src, and its -wal if it has one, to dst (and
// dst-wal), owner-only.
func copyRaw(src, dst string) error {
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(src + suffix)
		if suffix != "" && errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		err = func() error {
			defer in.Close()
			out, err := os.OpenFile(dst+suffix, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
			if err != nil {
				return err
			}
			_, err = io.Copy(out, in)
			if err == nil {
				err = out.Sync()
			}
			if cerr := out.Close(); err == nil {
				err = cerr
			}
			return err
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// syncDir makes a rename in dir durable, where the system allows.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
