package store

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
)

// DefaultPath is where quietlegs keeps its database when no other path is
// given: $XDG_DATA_HOME/quietlegs/quietlegs.db when XDG_DATA_HOME is set to
// an absolute path, otherwise the platform's per-user data folder
// (~/.local/share on Linux and the BSDs, ~/Library/Application Support on
// macOS, %LocalAppData% on Windows).
func DefaultPath() (string, error) {
	return defaultPath(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

// defaultPath is DefaultPath with the platform, environment and home folder
// passed in, so every platform's answer can be tested anywhere.
func defaultPath(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	if x := getenv("XDG_DATA_HOME"); x != "" && isAbs(goos, x) {
		return join(goos, x, "quietlegs", "quietlegs.db"), nil
	}
	if goos == "windows" {
		if la := getenv("LocalAppData"); la != "" && isAbs(goos, la) {
			return join(goos, la, "quietlegs", "quietlegs.db"), nil
		}
	}
	h, err := home()
	if err == nil && h == "" {
		err = errors.New("home folder is not set")
	}
	if err != nil {
		return "", fmt.Errorf("find the default database path: %w", err)
	}
	switch goos {
	case "darwin", "ios":
		return join(goos, h, "Library", "Application Support", "quietlegs", "quietlegs.db"), nil
	case "windows":
		return join(goos, h, "AppData", "Local", "quietlegs", "quietlegs.db"), nil
	default:
		return join(goos, h, ".local", "share", "quietlegs", "quietlegs.db"), nil
	}
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
