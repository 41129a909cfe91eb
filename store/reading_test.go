package store

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// setUserVersion writes v into the header of the closed database at path
// (user_version, bytes 60 to 63), as an older quietlegs would have left it.
func setUserVersion(t *testing.T, path string, v int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(v))
	if _, err := f.WriteAt(b[:], 60); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// A database opened ReadingOnly is not checked page by page, so it must
// never be written: a damaged one is at worst read, never changed, and one
// that needs upgrading is checked before the upgrade, as by Open.
func TestReadingOnlyNeverWritesUnchecked(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		// refused: Open must say the file is damaged; otherwise it may
		// open it, but writes must fail.
		refused bool
	}{
		{"damaged, at this schema version", damagedDB, false},
		{"damaged, at an older schema version", func(t *testing.T, path string) {
			damagedDB(t, path)
			setUserVersion(t, path, LatestSchemaVersion-1)
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "q.db")
			tt.make(t, path)
			before := hashFile(t, path)
			s, err := Open(path, ReadingOnly())
			switch {
			case err != nil && !strings.Contains(err.Error(), "damaged"):
				t.Fatalf("Open: %v, want it to say the file is damaged", err)
			case err == nil && tt.refused:
				s.Close()
				t.Fatal("Open upgraded a damaged database without checking it first")
			case err == nil:
				// Reading meets the damage, and says what to do.
				rerr := s.EachNight(context.Background(), "", "", func(night.Record) error { return nil })
				if rerr == nil || !strings.Contains(rerr.Error(), "damaged") || !strings.Contains(rerr.Error(), "restore a backup") {
					t.Errorf("reading every night: %v, want it to say the file is damaged and to restore a backup", rerr)
				}
				if _, werr := s.StartRun(context.Background(), testNewSession(time.Now())); werr == nil {
					t.Error("a store opened ReadingOnly wrote a run")
				}
				if err := s.Close(); err != nil {
					t.Error(err)
				}
			}
			if after := hashFile(t, path); after != before {
				t.Error("opening ReadingOnly changed the damaged file")
			}
		})
	}
}

// An older database opened ReadingOnly is checked and upgraded as by Open,
// its records kept, and the store still refuses writes after.
func TestReadingOnlyUpgradesAnOlderDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.db")
	copyFile(t, fixturePath(1), path)
	s, err := Open(path, ReadingOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if v, err := s.SchemaVersion(ctx); err != nil || v != LatestSchemaVersion {
		t.Fatalf("schema version %d (%v), want %d", v, err, LatestSchemaVersion)
	}
	checkFixtureData(t, s, 1)
	if _, err := s.StartRun(ctx, testNewSession(time.Now())); err == nil {
		t.Error("a store opened ReadingOnly wrote a run after upgrading")
	}
}
