// Package cuetest puts fake sound players and voices on PATH for tests:
// each logs what it was asked to play or say, one line a call.
package cuetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FakePrograms puts programs named names in a fresh folder that becomes the
// whole PATH, each appending "name arg…" (a chime's file as its base name)
// to a log. It returns a function that reads the log's lines.
func FakePrograms(t testing.TB, names ...string) (played func() []string) {
	t.Helper()
	dir := t.TempDir()
	log := filepath.Join(dir, "played.log")
	// Only the shell's own words: PATH holds nothing else.
	script := "#!/bin/sh\nlast=\nfor a in \"$@\"; do last=$a; done\n" +
		"case \"$last\" in /*) last=${last##*/};; esac\n" +
		"echo \"${0##*/} $last\" >> '" + log + "'\n"
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(script), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	return func() []string {
		data, err := os.ReadFile(log)
		if os.IsNotExist(err) {
			return nil
		}
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	}
}
