package routine

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quietlegs/quietlegs/assets"
)

func names(rs []*Routine) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}

func TestBuiltInRoutines(t *testing.T) {
	lib, err := LoadLibrary(assets.RoutineFS(), "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(lib.Routines), []string{"wind-down", "quick", "relief-cool", "relief-stretch", "relief-walk"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("routines %v, want %v", got, want)
	}
	tests := []struct {
		name, title string
		length      time.Duration
		steps       int
	}{
		{"wind-down", "Evening wind-down", 28*time.Minute + 30*time.Second, 9}, // and the ready step, untimed
		{"quick", "Quick wind-down", 10 * time.Minute, 6},
		{"relief-stretch", "Relief: stretch", 3 * time.Minute, 2},
		{"relief-walk", "Relief: walk", 6 * time.Minute, 2},
		{"relief-cool", "Relief: cool the calves", 390 * time.Second, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := lib.Find(tt.name)
			if !ok {
				t.Fatalf("no routine %q", tt.name)
			}
			if r.Title != tt.title || r.Duration() != tt.length || len(r.Steps) != tt.steps || r.Source != BuiltIn {
				t.Errorf("%q: %q, %s, %d steps, from %q; want %q, %s, %d steps, built-in",
					tt.name, r.Title, FormatDuration(r.Duration()), len(r.Steps), r.Source, tt.title, FormatDuration(tt.length), tt.steps)
			}
		})
	}
	wd, _ := lib.Find(DefaultName)
	pmr := wd.Steps[3]
	if pmr.Kind != TenseRelease || len(pmr.Phases) != 16 || pmr.Phases[0].Heading != "tense your left foot" ||
		!strings.Contains(pmr.Phases[0].Cue, "toes upward") || pmr.Phases[8].Heading != "tense your right foot" || pmr.Phases[9].Heading != "release your right foot" {
		t.Errorf("relaxation step: %s with %d phases, first %+v", pmr.Kind, len(pmr.Phases), pmr.Phases[0])
	}
}

func routineFile(title string) []byte {
	return []byte("title = \"" + title + "\"\n[[steps]]\ntitle = \"S\"\nkind = \"hold\"\ninstruction = \"I\"\nseconds = 30\n")
}

func TestLoadLibrary(t *testing.T) {
	builtin := fstest.MapFS{
		"quick.toml":     {Data: routineFile("Quick")},
		"wind-down.toml": {Data: routineFile("Wind down")},
		"alpha.toml":     {Data: routineFile("Alpha")},
		"readme.md":      {Data: []byte("not a routine")},
	}
	dir := t.TempDir()
	files := map[string][]byte{
		"quick.toml":   routineFile("My quick"),
		"zz.toml":      routineFile("Last"),
		"bad.toml":     []byte("title = \"Bad\"\n"),
		"notes.txt":    []byte("ignored"),
		".lock.toml":   []byte("ignored"),
		"Capital.toml": routineFile("Bad name"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.toml"), 0o700); err != nil {
		t.Fatal(err)
	}
	lib, err := LoadLibrary(builtin, dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(lib.Routines), []string{"wind-down", "alpha", "quick", "zz"}; !reflect.DeepEqual(got, want) {
		t.Errorf("routines %v, want %v", got, want)
	}
	if q, _ := lib.Find("quick"); q.Title != "My quick" || q.Source != filepath.Join(dir, "quick.toml") {
		t.Errorf("quick is %q from %q, want the personal one", q.Title, q.Source)
	}
	if a, _ := lib.Find("alpha"); a.Source != BuiltIn {
		t.Errorf("alpha from %q, want built-in", a.Source)
	}
	if _, ok := lib.Find("bad"); ok {
		t.Error("found the bad routine")
	}
	var msgs []string
	for _, p := range lib.Problems {
		var fe *FileError
		if !errors.As(p, &fe) {
			t.Errorf("problem %v holds no *FileError", p)
		}
		msgs = append(msgs, p.Error())
	}
	want := []string{
		filepath.Join(dir, "Capital.toml") + `: "Capital" is not a usable routine name: use lower-case letters, digits and dashes, like calm-evening.toml`,
		filepath.Join(dir, "bad.toml") + ": no steps: add at least one [[steps]] table",
	}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadLibraryMissingUserDir(t *testing.T) {
	lib, err := LoadLibrary(assets.RoutineFS(), filepath.Join(t.TempDir(), "absent"))
	if err != nil || len(lib.Problems) != 0 || len(lib.Routines) != 5 {
		t.Errorf("LoadLibrary = %+v, %v; want the built-ins and no problems", lib, err)
	}
}

func TestLoadLibraryBadBuiltIn(t *testing.T) {
	builtin := fstest.MapFS{"broken.toml": {Data: []byte("title = \"Broken\"\n")}}
	if _, err := LoadLibrary(builtin, ""); err == nil || !strings.Contains(err.Error(), "broken.toml: no steps") {
		t.Errorf("error = %v, want one naming broken.toml", err)
	}
}
