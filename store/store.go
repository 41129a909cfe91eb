// Package store keeps quietlegs' records in SQLite.
//
// The database is one file, readable only by its owner, in WAL mode. Every
// write is one short transaction, so a run cut off by a crash or a closed
// laptop is left as it was at its last checkpoint, never half-written.
//
// Open refuses, without changing a byte, a file that is not an SQLite
// database, one that is damaged, one that belongs to another program, and
// one written by a newer quietlegs.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/paths"
)

// ApplicationID marks an SQLite file as quietlegs' own (PRAGMA
// application_id; "QLEG" in ASCII).
const ApplicationID = 0x514C4547

// ErrNotFound is wrapped by errors for records that do not exist.
var ErrNotFound = errors.New("not found")

// connParams are the DSN parameters every pooled connection opens with.
const connParams = "_pragma=busy_timeout(15000)&_pragma=journal_mode(WAL)" +
	"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" +
	"&_txlock=immediate&_time_format=sqlite"

// Store is an open quietlegs database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	// now gives updated_at, recorded_at and backup names; tests replace it.
	now func() time.Time
	// sidePrivate is set once -wal and -shm have been made owner-only.
	sidePrivate atomic.Bool
	// notices are what Open changed that the person should hear of.
	notices []string
}

// Notices are what Open changed about the files that the person should
// be told of, once, such as "made /home/ann/.local/share/quietlegs/
// quietlegs.db readable by you alone (was 0644)". Empty when nothing was
// changed.
func (s *Store) Notices() []string { return slices.Clone(s.notices) }

// Open opens the database at path, creating it and its folder if missing,
// and brings its schema up to date.
//
// Before upgrading a database written by an older quietlegs, it saves a copy
// next to it (see backupBeforeMigrate).
func Open(path string, opts ...Option) (*Store, error) {
	return open(path, time.Now, LatestSchemaVersion, opts...)
}

// An Option changes how Open opens the database.
type Option func(*options)

// options are what the Options given to Open set.
type options struct {
	cacheKiB    int  // the page cache's size; 0 leaves SQLite's default
	readingOnly bool // see ReadingOnly
}

// ReadingOnly opens the database for a process that only reads it, such
// as an export: every write through the Store fails, and so the check of
// every page (PRAGMA quick_check) that Open makes before a process's
// first write is left out, which over years of nights is most of the
// time of opening. A database that needs upgrading is still checked
// before the upgrade writes to it. The rest of Open's refusals (another
// program's file, a newer quietlegs', a bad header) stand.
func ReadingOnly() Option {
	return func(o *options) { o.readingOnly = true }
}

// WithCacheKiB holds SQLite's page cache to kib KiB (PRAGMA cache_size;
// SQLite's default is 2,000 KiB). A screen reads a window of nights at a
// time, with the operating system's file cache behind it, so a few hundred
// KiB keep the pages it reads again; the rest of the default is memory the
// process holds until it ends.
func WithCacheKiB(kib int) Option {
	return func(o *options) { o.cacheKiB = kib }
}

// open is Open with the clock and the schema version to migrate to passed
// in, for tests.
func open(path string, now func() time.Time, target int, opts ...Option) (*Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	params := connParams
	if o.cacheKiB > 0 {
		params += fmt.Sprintf("&_pragma=cache_size(-%d)", o.cacheKiB)
	}
	if path == "" {
		return nil, errors.New("open database: no path given")
	}
	trusted := 0
	if o.readingOnly {
		trusted = target
	}
	notices, unchecked, err := prepareFile(path, trusted)
	if err != nil {
		return nil, err
	}
	if unchecked {
		// Unchecked, so never written: not even a checkpoint at Close.
		return openReading(path, now, notices, o.cacheKiB)
	}
	db, err := sql.Open("sqlite", dsn(path, params))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, now: now, notices: notices}
	ctx := context.Background()
	if err := ping(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := s.backupBeforeMigrate(ctx, target); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.migrateTo(ctx, target); err != nil {
		db.Close()
		return nil, err
	}
	s.afterWrite()
	if o.readingOnly {
		// Checked and upgraded; from here on read like any other.
		if err := db.Close(); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
		return openReading(path, now, notices, o.cacheKiB)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close database %s: %w", s.path, err)
	}
	return nil
}

// Path is the database file's path as given to Open.
func (s *Store) Path() string { return s.path }

// tightenSideFiles makes the -wal and -shm files owner-only and reports
// whether both exist. SQLite already creates them with the database file's
// mode; this is a second lock on the door.
func (s *Store) tightenSideFiles() bool {
	both := true
	for _, suffix := range []string{"-wal", "-shm"} {
		fi, err := os.Stat(s.path + suffix)
		if err != nil {
			both = false
			continue
		}
		if fi.Mode().Perm()&0o077 != 0 {
			if err := os.Chmod(s.path+suffix, 0o600); err != nil {
				both = false
			}
		}
	}
	return both
}

// afterWrite tightens the side files until they have been seen private.
func (s *Store) afterWrite() {
	if !s.sidePrivate.Load() && s.tightenSideFiles() {
		s.sidePrivate.Store(true)
	}
}

// prepareFile makes sure path's folder exists and that path is either a new
// owner-only empty file or an SQLite database quietlegs may use. It writes
// nothing to a file it refuses. A database readable by others is made
// owner-only, and so is quietlegs' own data folder; each such change is
// returned as a notice.
//
// When trusted is not 0, an existing database of quietlegs' at schema
// version trusted is not checked page by page (see ReadingOnly), and
// unchecked says so.
func prepareFile(path string, trusted int) (notices []string, unchecked bool, err error) {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, false, fmt.Errorf("create database folder %s: %w", dir, err)
		}
		// Ours, just made: make sure the umask left it owner-only.
		if err := os.Chmod(dir, 0o700); err != nil {
			return nil, false, fmt.Errorf("create database folder %s: %w", dir, err)
		}
	} else if err != nil {
		return nil, false, fmt.Errorf("open database %s: %w", path, err)
	} else if n, err := tightenDataDir(dir); err != nil {
		return nil, false, err
	} else if n != "" {
		notices = append(notices, n)
	}

	// Create the file owner-only before SQLite sees it, so it is never
	// readable by others, not even for a moment.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		if err := f.Close(); err != nil {
			return nil, false, fmt.Errorf("create database %s: %w", path, err)
		}
		// Said once, so a mistyped --db is noticed before a night is
		// filed in a journal nobody will look at.
		return append(notices, "created a new database at "+path), false, nil
	}
	if !errors.Is(err, os.ErrExist) {
		return nil, false, fmt.Errorf("create database %s: %w", path, err)
	}

	fi, err := os.Stat(path)
	if err != nil {
		return nil, false, fmt.Errorf("open database %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, false, fmt.Errorf("open database %s: not a regular file", path)
	}
	if err := checkWritable(path); err != nil {
		return nil, false, err
	}
	if fi.Size() == 0 {
		fi = awaitBirth(path, fi)
	}
	if fi.Size() == 0 {
		// Not adopted as a new database: an empty file where records were
		// expected is more likely a copy or restore gone wrong.
		return nil, false, fmt.Errorf("open database %s: the file is empty (0 bytes), so it holds no records; "+
			"if you meant to start afresh, remove it, or give a fresh path with --db", path)
	}
	if err := checkHeader(path, fi.Size()); err != nil {
		return nil, false, err
	}
	if unchecked, err = checkOwner(path, trusted); err != nil {
		return nil, false, err
	}
	if was := fi.Mode().Perm(); was&0o077 != 0 {
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, false, fmt.Errorf("make database %s private: %w", path, err)
		}
		notices = append(notices, fmt.Sprintf("made %s readable by you alone (was %04o)", path, was))
	}
	return notices, unchecked, nil
}

// tightenDataDir makes quietlegs' own data folder (paths.Default's
// DataDir) owner-only if others may enter it, and says so. Any other
// folder a database is kept in (--db ~/Documents/q.db) is the person's,
// and left as it is.
func tightenDataDir(dir string) (notice string, err error) {
	data := paths.Default().DataDir
	if data == "" || !sameDir(dir, data) {
		return "", nil
	}
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return "", nil
	}
	was := fi.Mode().Perm()
	if was&0o077 == 0 {
		return "", nil
	}
	if err := os.Chmod(dir, was&0o700|0o700); err != nil {
		return "", fmt.Errorf("make data folder %s private: %w", dir, err)
	}
	return fmt.Sprintf("made the folder %s open to you alone (was %04o)", dir, was), nil
}

// sameDir reports whether a and b name the same folder.
func sameDir(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// sqliteMagic opens every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// checkHeader reads the 100-byte SQLite header of a non-empty file and
// refuses anything that is not a whole SQLite database.
func checkHeader(path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	return checkHeaderOf(path, f, size)
}

// checkHeaderOf is checkHeader of the open file f, named path, of size
// bytes. It reads from the start of f without moving its offset.
func checkHeaderOf(path string, f io.ReaderAt, size int64) error {
	var h [100]byte
	if _, err := f.ReadAt(h[:], 0); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return fmt.Errorf("open database %s: file is not a database", path)
		}
		return fmt.Errorf("open database %s: %w", path, err)
	}
	if !bytes.Equal(h[:16], []byte(sqliteMagic)) {
		return fmt.Errorf("open database %s: file is not a database", path)
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return fmt.Errorf("open database %s: file is not a database (bad page size %d)", path, pageSize)
	}
	// The header's page count is trusted when the change counter matches
	// the version-valid-for number, as SQLite does.
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	valid := pages > 0 && bytes.Equal(h[24:28], h[92:96])
	if size < pageSize || valid && pages*pageSize > size {
		return fmt.Errorf("open database %s: file is truncated or damaged (%d bytes)", path, size)
	}
	return nil
}

// checkOwner looks inside an existing database through a read-only
// connection (which reads through any WAL, unlike the raw header) and
// refuses one that another program or a newer quietlegs wrote, or one that
// is damaged. PRAGMA quick_check reads every page, so this process never
// writes to a file whose pages no longer hold together: a write there can
// spread the damage, and the person's way out is their last backup.
//
// When trusted is not 0, a quietlegs database at schema version trusted
// is taken without quick_check, and unchecked says so.
func checkOwner(path string, trusted int) (unchecked bool, err error) {
	// The read-only connection makes -wal and -shm files when there are
	// none; a file refused is left as it was found, without them.
	defer removeNewSideFiles(path, &err)()
	var id identity
	var problems []string
	err = func() error {
		// quick_check reads every page once: a cache of 64 KiB is as fast
		// as SQLite's default 2 MB, which would fill and stay with the
		// process after Close (the pure-Go allocator keeps what it had).
		db, err := sql.Open("sqlite", dsn(path, "mode=ro&_pragma=busy_timeout(5000)&_pragma=cache_size(-64)"))
		if err != nil {
			return err
		}
		defer db.Close()
		ctx := context.Background()
		if id, err = identityOf(ctx, db); err != nil {
			return err
		}
		if trusted != 0 && id.appID == ApplicationID && id.version == int64(trusted) {
			unchecked = true
			return nil
		}
		problems, err = quickCheck(ctx, db)
		return err
	}()
	switch {
	case err != nil && isCorrupt(err):
		return false, damaged(path, err.Error())
	case err != nil:
		return false, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := checkIdentity(path, id.appID, id.version, id.tables); err != nil {
		return false, err
	}
	if len(problems) > 0 {
		return false, damaged(path, strings.Join(problems[:min(len(problems), maxProblems)], "; "))
	}
	return unchecked, nil
}

// removeNewSideFiles notes whether path's -wal and -shm exist, and returns
// a function that, if *err is set by then, deletes the ones that did not
// exist before and hold no records (an empty -wal, and its -shm index).
func removeNewSideFiles(path string, err *error) func() {
	_, walErr := os.Lstat(path + "-wal")
	_, shmErr := os.Lstat(path + "-shm")
	if walErr == nil || shmErr == nil {
		return func() {}
	}
	return func() {
		if *err == nil {
			return
		}
		if fi, e := os.Lstat(path + "-wal"); e == nil && (!fi.Mode().IsRegular() || fi.Size() > 0) {
			return // someone else's, with records in it
		}
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
	}
}

// maxProblems is how many of quick_check's findings a message quotes.
const maxProblems = 3

// identity is what a database file says it is: whose (application_id),
// which schema (user_version), and its tables.
type identity struct {
	appID, version int64
	tables         []string
}

// inspect reads db's identity and runs check (quick_check or
// integrity_check) over it, on one connection.
func inspect(ctx context.Context, db *sql.DB, check func(context.Context, *sql.DB) ([]string, error)) (identity, []string, error) {
	id, err := identityOf(ctx, db)
	if err != nil {
		return id, nil, err
	}
	problems, err := check(ctx, db)
	return id, problems, err
}

// identityOf reads db's identity, on one connection.
func identityOf(ctx context.Context, db *sql.DB) (identity, error) {
	db.SetMaxOpenConns(1)
	var id identity
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id.appID); err != nil {
		return id, err
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&id.version); err != nil {
		return id, err
	}
	var err error
	id.tables, err = userTables(ctx, db)
	return id, err
}

// quickCheck runs PRAGMA quick_check and returns what it found wrong;
// none when the database is whole.
func quickCheck(ctx context.Context, db *sql.DB) ([]string, error) {
	return check(ctx, db, "quick_check")
}

// check runs PRAGMA quick_check or integrity_check and returns what it
// found wrong.
func check(ctx context.Context, db *sql.DB, pragma string) ([]string, error) {
	rows, err := db.QueryContext(ctx, fmt.Sprintf("PRAGMA %s(%d)", pragma, maxProblems))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		for _, line := range strings.Split(p, "\n") {
			if line = strings.TrimSpace(line); line != "ok" && line != "" && !strings.HasPrefix(line, "***") {
				problems = append(problems, line)
			}
		}
	}
	return problems, rows.Err()
}

// busyWait is how long opening waits out another process that holds the
// database while it sets it up; the busy timeout covers transactions, but
// not the switch to WAL on a connection's first use.
const busyWait = 5 * time.Second

// ping opens the first connection, which switches the file to WAL mode,
// trying again while another process holds the lock for the same switch.
func ping(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(busyWait)
	for {
		err := db.PingContext(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// birthWait is how long an empty file made moments ago is given to get
// its header: SQLite writes it on the first connection, within
// milliseconds of creating the file.
const birthWait = time.Second

// awaitBirth waits for an empty file that was created moments ago, by
// another quietlegs opening the same new path at the same instant, to get
// its SQLite header. It returns the file as it stands then; one still
// empty is empty for good.
func awaitBirth(path string, fi os.FileInfo) os.FileInfo {
	deadline := time.Now().Add(birthWait)
	for fi.Size() == 0 && time.Since(fi.ModTime()) < birthWait && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		next, err := os.Stat(path)
		if err != nil {
			return fi
		}
		fi = next
	}
	return fi
}

// sqliteCode is err's primary SQLite result code, or 0 for none.
func sqliteCode(err error) int {
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		return coded.Code() & 0xff
	}
	return 0
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (5) or
// SQLITE_LOCKED (6).
func isBusy(err error) bool {
	c := sqliteCode(err)
	return c == 5 || c == 6
}

// isCorrupt reports whether err is SQLite's SQLITE_CORRUPT (11) or
// SQLITE_NOTADB (26), however the driver words it.
func isCorrupt(err error) bool {
	c := sqliteCode(err)
	return c == 11 || c == 26 || strings.Contains(err.Error(), "malformed")
}

// damaged is the refusal of a database that quick_check found damaged.
func damaged(path, found string) error {
	return fmt.Errorf("open database %s: the file is damaged (%s), and quietlegs will not write to it; "+
		"restore a backup with quietlegs restore FILE (the newest %s.*.bak or quietlegs-backup-*.db beside it), or move it aside to start afresh",
		path, found, filepath.Base(path))
}

// checkIdentity decides whether a database with this application id,
// user_version and tables is quietlegs' to use.
func checkIdentity(path string, appID, version int64, tables []string) error {
	switch {
	case appID == ApplicationID:
		if version > LatestSchemaVersion {
			return fmt.Errorf("database %s has schema version %d, newer than this quietlegs knows (%d); update quietlegs",
				path, version, LatestSchemaVersion)
		}
		return nil
	case appID != 0:
		return fmt.Errorf("open database %s: not a quietlegs database (application id %#x)", path, appID)
	case len(tables) > 0:
		return fmt.Errorf("open database %s: not a quietlegs database (it has tables quietlegs did not make: %s)",
			path, strings.Join(tables, ", "))
	case version != 0:
		return fmt.Errorf("open database %s: not a quietlegs database (schema version %d from another program)", path, version)
	}
	return nil // an empty database: fresh
}

// queryer is what userTables needs of a *sql.DB or *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// userTables lists the schema objects not made by SQLite itself.
func userTables(ctx context.Context, q queryer) ([]string, error) {
	rows, err := q.QueryContext(ctx,
		"SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("list tables: %w", err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	return names, nil
}

// dsn is an SQLite URI for path with the given query parameters. The path
// is percent-encoded, so spaces, '?', '#' and '%' in it are safe.
func dsn(path, params string) string {
	p := filepath.ToSlash(path)
	if filepath.VolumeName(path) != "" && !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x becomes file:///C:/x
	}
	prefix := "file:"
	if strings.HasPrefix(p, "/") {
		prefix = "file://" // an empty authority, so //x is not read as a host
	}
	return prefix + escapePath(p) + "?" + params
}

// escapePath percent-encodes every byte of p except unreserved ones, '/'
// and ':'.
func escapePath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/', c == ':':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// The store is the journal's storage.
var _ journal.Storage = (*Store)(nil)
