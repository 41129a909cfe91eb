package cli

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"

	"github.com/quietlegs/quietlegs/paths"
)

// openDebugLog starts the --debug log: appended to, readable by you alone.
// It records what the program did and what went wrong, never what a person
// entered (no symptoms, ratings or notes).
func openDebugLog(places paths.Set) (*slog.Logger, io.Closer, error) {
	path, err := places.DebugLogPath()
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
