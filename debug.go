package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
)

// debugLogPath is $XDG_STATE_HOME/quietlegs/debug.log, else
// ~/.local/state/quietlegs/debug.log.
func debugLogPath() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "quietlegs", "debug.log"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the state folder: %w", err)
	}
	return filepath.Join(home, ".local", "state", "quietlegs", "debug.log"), nil
}

// openDebugLog starts the --debug log: appended to, readable by you alone.
// It records what the program did and what went wrong, never what a person
// entered (no symptoms, ratings or notes).
func openDebugLog() (*slog.Logger, io.Closer, error) {
	path, err := debugLogPath()
	if err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, nil, fmt.Errorf("debug log: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("debug log: %w", err)
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("debug log: %w", err)
	}
	log := slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}))
	log.Info("start", "version", version(), "go", runtime.Version(), "args", len(os.Args)-1, "pid", os.Getpid())
	return log, f, nil
}

// discard is the logger without --debug.
func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }
