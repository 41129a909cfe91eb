package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"time"
)

// keepBackups is how many backups made before migrating are kept per
// database.
const keepBackups = 3

// backupStamp formats the UTC time in a backup's name, to the nanosecond,
// so backups made within one second do not collide. oldBackupStamp is the
// whole-second form of earlier versions, still recognised by the rotation.
const (
	backupStamp    = "20060102T150405.000000000Z"
	oldBackupStamp = "20060102T150405Z"
)

// BackupStamp is the UTC time t as backups are named by it.
func BackupStamp(t time.Time) string { return t.UTC().Format(backupStamp) }

// Backup writes a consistent copy of the database to path with VACUUM INTO:
// a snapshot of one read transaction, so it is whole even while another
// quietlegs is writing. It refuses a path that already exists, and the copy
// is readable only by its owner from the moment it is created.
func (s *Store) Backup(ctx context.Context, path string) error {
	if err := s.vacuumInto(ctx, path); err != nil {
		return fmt.Errorf("back up database %s to %s: %w", s.path, path, err)
	}
	return nil
}

// vacuumInto copies the database to a new file at dst.
func (s *Store) vacuumInto(ctx context.Context, dst string) error {
	if dst == "" {
		return errors.New("no path given")
	}
	// An absolute path, so SQLite never reads a name like "file:x" as a URI.
	abs, err := filepath.Abs(dst)
	if err != nil {
		return err
	}
	// VACUUM INTO accepts an empty file. Creating it here, exclusively and
	// owner-only, refuses an existing file or link without touching it,
	// and keeps the copy private while it is written.
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; choose a new file name: %w", dst, os.ErrExist)
	}
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(abs)
		return err
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		os.Remove(abs)
		return err
	}
	// In case the umask or a filesystem widened it.
	if err := os.Chmod(abs, 0o600); err != nil {
		return fmt.Errorf("make %s private: %w", dst, err)
	}
	return nil
}

// backupBeforeMigrate saves a copy of a database that an older quietlegs
// wrote (schema version at least 1, below target) before it is upgraded,
// as <file>.v<old version>-<UTC time>.bak next to it, and deletes all but
// the newest keepBackups such copies. A new, empty database gets none.
func (s *Store) backupBeforeMigrate(ctx context.Context, target int) error {
	var appID, version int64
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	if appID != ApplicationID || version < 1 || version >= int64(target) {
		return nil
	}
	name := fmt.Sprintf("%s.v%d-%s.bak", s.path, version, BackupStamp(s.now()))
	if _, err := os.Lstat(name); err == nil {
		// Another quietlegs upgrading the same file this second made it.
		return nil
	}
	if err := s.vacuumInto(ctx, name); err != nil {
		return fmt.Errorf("back up database %s to %s before upgrading it from schema version %d: %w",
			s.path, name, version, err)
	}
	// Old copies that cannot be deleted are no reason to refuse to open:
	// they are only extra files.
	_ = pruneBackups(s.path, migrateKind, keepBackups)
	return nil
}

// backupRef is one backup file of a kind: made before a migration, a
// delete or a restore.
type backupRef struct {
	name    string
	at      time.Time
	version int
}

// Kinds of backup, each named <file>.<kind>-<stamp>.bak and rotated on its
// own (keepBackups of each), so a run of deletes never pushes out the copy
// made before an upgrade, which is the only one at the old schema version,
// nor the copy of what a restore replaced.
const (
	// migrateKind matches v<N>, the schema version migrated from.
	migrateKind = `v([0-9]{1,9})`
	deleteKind  = "delete"
	restoreKind = "restore"
)

// listBackups lists the backups of the database at path of one kind:
// files in its folder named exactly <file>.<kind>-<stamp>.bak, kind being
// a regular expression whose first group, if any, is a version number.
func listBackups(path, kind string) ([]backupRef, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `\.` + kind + `-([0-9]{8}T[0-9]{6}(?:\.[0-9]{9})?Z)\.bak$`)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list backups of %s: %w", path, err)
	}
	var refs []backupRef
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		var v int
		if len(m) == 3 {
			v, _ = strconv.Atoi(m[1]) // at most 9 digits: fits
		}
		stamp := m[len(m)-1]
		at, err := time.Parse(backupStamp, stamp)
		if err != nil {
			if at, err = time.Parse(oldBackupStamp, stamp); err != nil {
				continue // not a real time: not one of ours
			}
		}
		refs = append(refs, backupRef{name: filepath.Join(dir, e.Name()), at: at, version: v})
	}
	return refs, nil
}

// pruneBackups deletes all but the newest keep backups of one kind of the
// database at path, newest by the time in their names. A -wal copied
// beside a backup (see Restore) goes with it.
func pruneBackups(path, kind string, keep int) error {
	refs, err := listBackups(path, kind)
	if err != nil {
		return err
	}
	slices.SortFunc(refs, func(a, b backupRef) int {
		return cmp.Or(b.at.Compare(a.at), cmp.Compare(b.version, a.version))
	})
	var errs []error
	for _, r := range refs[min(keep, len(refs)):] {
		if err := os.Remove(r.name); err != nil {
			errs = append(errs, fmt.Errorf("delete old backup: %w", err))
		}
		if err := os.Remove(r.name + "-wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, fmt.Errorf("delete old backup: %w", err))
		}
	}
	return errors.Join(errs...)
}

// backupName is the name of a new backup of kind of the database at path,
// made at t: <file>.<kind>-<UTC stamp>.bak. A name already taken (two in
// one nanosecond, or a clock that stands still in a test) moves on a
// nanosecond, which keeps the names in time order.
func backupName(path, kind string, t time.Time) string {
	for range 1000 {
		name := fmt.Sprintf("%s.%s-%s.bak", path, kind, BackupStamp(t))
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			return name
		}
		t = t.Add(time.Nanosecond)
	}
	return fmt.Sprintf("%s.%s-%s.bak", path, kind, BackupStamp(t))
}

// BackupBeforeDelete writes a consistent copy of the database beside it,
// as <file>.delete-<UTC time>.bak (0600), and deletes all but the newest
// keepBackups such copies. It returns the copy's path.
func (s *Store) BackupBeforeDelete(ctx context.Context) (string, error) {
	name := backupName(s.path, deleteKind, s.now())
	if err := s.vacuumInto(ctx, name); err != nil {
		return "", fmt.Errorf("back up database %s to %s before deleting: %w", s.path, name, err)
	}
	// Old copies that cannot be deleted are only extra files.
	_ = pruneBackups(s.path, deleteKind, keepBackups)
	return name, nil
}
