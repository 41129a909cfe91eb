//go:build unix

package routine

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/regularfile/fifotest"

	"github.com/quietlegs/quietlegs/assets"
)

func TestLoadFileRefusesAFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "calm.toml")
	release := fifotest.Make(t, path)
	var err error
	fifotest.WithinDeadline(t, release, func() { _, err = LoadFile(path) })
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("LoadFile error = %v, want a *FileError naming %s and saying it is not a regular file", err, path)
	}
}

func TestLoadLibraryWarnsOfAFIFO(t *testing.T) {
	dir := t.TempDir()
	release := fifotest.Make(t, filepath.Join(dir, "calm.toml"))
	if err := os.WriteFile(filepath.Join(dir, "mine.toml"), routineFile("Mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	var lib *Library
	var err error
	fifotest.WithinDeadline(t, release, func() { lib, err = LoadLibrary(assets.RoutineFS(), dir) })
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Find("mine"); !ok {
		t.Error("the regular file beside the FIFO was not loaded")
	}
	if len(lib.Problems) != 1 || !strings.Contains(lib.Problems[0].Error(), filepath.Join(dir, "calm.toml")+": is a named pipe (FIFO)") {
		t.Errorf("problems %v, want one naming calm.toml as a named pipe", lib.Problems)
	}
}

func TestLoadFileTooLargeShowsItsSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.toml")
	if err := os.WriteFile(path, make([]byte, maxFileSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFile(path)
	if want := path + ": file is too large (256.1 KiB; at most 256 KiB)"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	_, err = Parse("big.toml", make([]byte, 300<<10))
	if want := "big.toml: file is too large (300 KiB; at most 256 KiB)"; err == nil || err.Error() != want {
		t.Errorf("Parse error %v, want %q", err, want)
	}
}
