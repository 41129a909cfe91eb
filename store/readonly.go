package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"
)

// readOnlyParams open a connection that cannot write: no migration, no
// checkpoint, no change to the file's mode. A short busy timeout: a
// reader for a status bar should answer, not wait on a long write.
const readOnlyParams = "mode=ro&_pragma=busy_timeout(2000)&_pragma=query_only(1)&_time_format=sqlite"

// readingParams are readOnlyParams for a command that reads the whole
// database (ReadingOnly): it waits out a writer as long as any other.
const readingParams = "mode=ro&_pragma=busy_timeout(15000)&_pragma=query_only(1)&_time_format=sqlite"

// ErrNoDatabase is wrapped by OpenReadOnly's error when there is no
// database file yet: nothing has been recorded.
var ErrNoDatabase = errors.New("no database yet")

// OpenReadOnly opens the database at path for reading only, for quick
// questions such as quietlegs status: it never creates, upgrades or
// writes the file, and skips Open's full check of every page. It refuses
// a file of another program, and one at another schema version than this
// quietlegs writes (an older one is upgraded by the next ordinary run).
// Writes through the Store fail.
func OpenReadOnly(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open database: no path given")
	}
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("open database %s: %w", path, ErrNoDatabase)
	}
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("open database %s: not a regular file", path)
	}
	db, err := sql.Open("sqlite", dsn(path, readOnlyParams))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	var appID, version int64
	ctx := context.Background()
	err = db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID)
	if err == nil {
		err = db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version)
	}
	switch {
	case err != nil && isCorrupt(err):
		err = damaged(path, err.Error())
	case err != nil:
		err = fmt.Errorf("open database %s: %w", path, err)
	case appID != ApplicationID:
		err = fmt.Errorf("open database %s: not a quietlegs database", path)
	case version != LatestSchemaVersion:
		err = fmt.Errorf("open database %s: schema version %d, where this quietlegs reads %d; run quietlegs once to bring it up to date",
			path, version, LatestSchemaVersion)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, path: path, now: time.Now}, nil
}

// openReading is the end of Open with ReadingOnly: a connection that
// cannot write to the database at path, which prepareFile has already
// vetted.
func openReading(path string, now func() time.Time, notices []string, cacheKiB int) (*Store, error) {
	params := readingParams
	if cacheKiB > 0 {
		params += fmt.Sprintf("&_pragma=cache_size(-%d)", cacheKiB)
	}
	db, err := sql.Open("sqlite", dsn(path, params))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return &Store{db: db, path: path, now: now, notices: notices}, nil
}
