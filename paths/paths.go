// Package paths says where quietlegs keeps its files: the database and its
// backups, the settings, personal routines and the debug log. It works them
// out once, from the XDG variables on Linux and the BSDs and from the
// platform's own folders elsewhere, so every part of the program agrees.
//
// It reads the environment only through the function it is handed, and
// touches no disk: callers create what they need.
package paths

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
)

// app is the folder name under each base folder.
const app = "quietlegs"

// Set is every location quietlegs uses. A location that cannot be worked
// out (no home folder and no variable naming one) is empty; Database says
// why when asked.
type Set struct {
	// DataDir holds the database, its backups and its run lock.
	DataDir string
	// Database is the default database file, in DataDir.
	Database string
	// ConfigDir holds Config and Routines.
	ConfigDir string
	// Config is the settings file, config.toml.
	Config string
	// Routines is the folder of personal routine files.
	Routines string
	// StateDir holds DebugLog.
	StateDir string
	// DebugLog is where --debug writes.
	DebugLog string

	// homeErr is why the home folder is unknown, when it is.
	homeErr error
}

// Default is the Set for this platform, this environment and this user.
func Default() Set { return Resolve(runtime.GOOS, os.Getenv, os.UserHomeDir) }

// Resolve is the Set for goos, with the environment and the home folder
// passed in, so every platform's answer can be tested anywhere.
//
// Linux and the BSDs follow the XDG base directory spec: $XDG_DATA_HOME
// (default ~/.local/share), $XDG_CONFIG_HOME (~/.config) and
// $XDG_STATE_HOME (~/.local/state); a relative value is ignored, as the
// spec says. macOS uses ~/Library/Application Support for data and
// settings and ~/Library/Logs for the log; Windows uses %LocalAppData% for
// data and the log and %AppData% for settings. An absolute XDG variable
// wins on every platform, so tests and people who set them get what they
// asked for.
func Resolve(goos string, getenv func(string) string, home func() (string, error)) Set {
	h, err := home()
	if err == nil && h == "" {
		err = errors.New("home folder is not set")
	}
	if err != nil {
		h = ""
	}
	base := func(xdg string, fallback func(home string) string) string {
		if x := getenv(xdg); x != "" && isAbs(goos, x) {
			return join(goos, x, app)
		}
		if h == "" {
			return ""
		}
		return join(goos, fallback(h), app)
	}
	windows := func(v string, rest ...string) func(string) string {
		return func(home string) string {
			if d := getenv(v); d != "" && isAbs(goos, d) {
				return d
			}
			return join(goos, home, rest...)
		}
	}
	var data, config, state func(string) string
	switch goos {
	case "darwin", "ios":
		support := func(home string) string { return join(goos, home, "Library", "Application Support") }
		data, config = support, support
		state = func(home string) string { return join(goos, home, "Library", "Logs") }
	case "windows":
		data = windows("LocalAppData", "AppData", "Local")
		config = windows("AppData", "AppData", "Roaming")
		state = data
	default:
		data = func(home string) string { return join(goos, home, ".local", "share") }
		config = func(home string) string { return join(goos, home, ".config") }
		state = func(home string) string { return join(goos, home, ".local", "state") }
	}
	s := Set{DataDir: base("XDG_DATA_HOME", data), ConfigDir: base("XDG_CONFIG_HOME", config),
		StateDir: base("XDG_STATE_HOME", state), homeErr: err}
	if s.DataDir != "" {
		s.Database = join(goos, s.DataDir, app+".db")
	}
	if s.ConfigDir != "" {
		s.Config = join(goos, s.ConfigDir, "config.toml")
		s.Routines = join(goos, s.ConfigDir, "routines")
	}
	if s.StateDir != "" {
		s.DebugLog = join(goos, s.StateDir, "debug.log")
	}
	return s
}

// DatabasePath is the default database file, or why there is none.
func (s Set) DatabasePath() (string, error) {
	if s.Database == "" {
		return "", fmt.Errorf("find the default database path: %w", s.homeErr)
	}
	return s.Database, nil
}

// DebugLogPath is the debug log's file, or why there is none.
func (s Set) DebugLogPath() (string, error) {
	if s.DebugLog == "" {
		return "", fmt.Errorf("find the state folder: %w", s.homeErr)
	}
	return s.DebugLog, nil
}

// isAbs reports whether p is absolute on goos.
func isAbs(goos, p string) bool {
	if goos != "windows" {
		return strings.HasPrefix(p, "/")
	}
	// C:\ or C:/, or a UNC path \\server\share.
	if len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') {
		return true
	}
	return strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, "//")
}

// join joins path elements with goos's separator, dropping a trailing
// separator from the first.
func join(goos, base string, elem ...string) string {
	sep := "/"
	if goos == "windows" {
		sep = `\`
	}
	base = strings.TrimRight(base, `/\`)
	return base + sep + strings.Join(elem, sep)
}
