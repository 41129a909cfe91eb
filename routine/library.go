package routine

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultName is the routine run when none is named.
const DefaultName = "wind-down"

// BuiltIn is the Source of routines built into the app.
const BuiltIn = "built-in"

// Library holds built-in and personal routines; personal ones replace
// built-ins of the same name.
type Library struct {
	// Routines are sorted: the default "wind-down" first, then by name.
	Routines []*Routine
	// Problems are bad personal files, each a *FileError or joined
	// FileErrors, or an unreadable directory. They are never fatal.
	Problems []error
}

// LoadLibrary loads the built-in routines (*.toml at the root of builtin)
// and the personal ones in userDir, which need not exist. A bad built-in is
// an error; a bad personal file goes into Problems and hides nothing else.
func LoadLibrary(builtin fs.FS, userDir string) (*Library, error) {
	byName := map[string]*Routine{}
	files, err := fs.Glob(builtin, "*.toml")
	if err != nil {
		return nil, fmt.Errorf("list built-in routines: %w", err)
	}
	for _, f := range files {
		data, err := fs.ReadFile(builtin, f)
		if err != nil {
			return nil, fmt.Errorf("read built-in routine: %w", err)
		}
		r, err := Parse(f, data)
		if err != nil {
			return nil, fmt.Errorf("built-in routine: %w", err)
		}
		r.Source = BuiltIn
		byName[r.Name] = r
	}
	lib := &Library{}
	if userDir != "" {
		lib.Problems = loadUserDir(userDir, byName)
	}
	lib.Routines = slices.SortedFunc(maps.Values(byName), func(a, b *Routine) int {
		switch {
		case a.Name == b.Name:
			return 0
		case a.Name == DefaultName:
			return -1
		case b.Name == DefaultName:
			return 1
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return lib, nil
}

// loadUserDir adds the *.toml files of dir to byName and returns the
// problems found. Hidden files (editor leftovers) are skipped.
func loadUserDir(dir string, byName map[string]*Routine) []error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var problems []error
	if err != nil {
		// ReadDir returns what it could read along with the error.
		problems = append(problems, fmt.Errorf("read personal routines: %w", err))
	}
	for _, e := range entries {
		name := e.Name()
		if path.Ext(name) != ".toml" || strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		r, err := LoadFile(filepath.Join(dir, name))
		if err != nil {
			problems = append(problems, err)
			continue
		}
		byName[r.Name] = r
	}
	return problems
}

// Default is the routine the evening starts when none is chosen: the one
// named (a person's default_routine), else the built-in wind-down, else
// the first there is. It reports false for a name not in the library, or
// an empty library.
func (l *Library) Default(name string) (*Routine, bool) {
	if name != "" {
		return l.Find(name)
	}
	if r, ok := l.Find(DefaultName); ok {
		return r, true
	}
	if len(l.Routines) > 0 {
		return l.Routines[0], true
	}
	return nil, false
}

// Find returns the routine called name.
func (l *Library) Find(name string) (*Routine, bool) {
	for _, r := range l.Routines {
		if r.Name == name {
			return r, true
		}
	}
	return nil, false
}
