// Package assets holds data built into quietlegs.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed routines/*.toml
var routines embed.FS

// RoutineFS returns the built-in routine files, with the *.toml files at its
// root.
func RoutineFS() fs.FS {
	sub, err := fs.Sub(routines, "routines")
	if err != nil {
		// fs.Sub fails only for an invalid directory name, and this one is fixed.
		panic("assets: " + err.Error())
	}
	return sub
}

//go:embed config.toml
var config []byte

// Config returns the default settings file: the day boundary and the
// evening checklist.
func Config() []byte { return config }
