package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/assets"
)

func (a *app) configCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Your settings file: write a commented one, or say where each file lives",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError("config %q: no such command; want init or path", args[0])
			}
			return cmd.Help()
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "init",
		Short: "Write a commented config.toml and make the routines folder",
		Long: "Write the default settings, every one explained in a comment, to\n" +
			"config.toml in the settings folder, and make the folder for your own\n" +
			"routines. A config.toml already there is left exactly as it is.",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.configInit() },
	}, &cobra.Command{
		Use:   "path",
		Short: "Print where each of quietlegs' files lives",
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return a.configPath() },
	})
	return cmd
}

// configInit writes the commented defaults where none are, and the
// routines folder: a person who installed with go install has no
// assets/config.toml to copy.
func (a *app) configInit() error {
	p := a.places
	if p.Config == "" || p.Routines == "" {
		return errors.New("config init: no settings folder: set HOME or XDG_CONFIG_HOME")
	}
	if err := os.MkdirAll(p.Routines, 0o700); err != nil {
		return fmt.Errorf("config init: %w", err)
	}
	fmt.Fprintln(a.stdout, "routines folder:", p.Routines)
	// O_EXCL: never over a file, even one that appears meanwhile.
	f, err := os.OpenFile(p.Config, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintln(a.stdout, "settings:", p.Config, "(already there; left as it is)")
		return nil
	}
	if err != nil {
		return fmt.Errorf("config init: %w", err)
	}
	_, err = f.Write(assets.Config())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(p.Config) // nothing half-written
		return fmt.Errorf("config init: write %s: %w", p.Config, err)
	}
	fmt.Fprintln(a.stdout, "settings:", p.Config, "(written; every setting is explained in it)")
	return nil
}

// configPath prints every file's place, and whether it is there yet.
func (a *app) configPath() error {
	db, err := a.dbPath()
	if err != nil {
		return err
	}
	p := a.places
	there := func(path, missing string) string {
		if path == "" {
			return "(unknown: set HOME)"
		}
		if _, err := os.Stat(path); err != nil {
			return path + " (" + missing + ")"
		}
		return path
	}
	rows := []struct{ what, where string }{
		{"settings", there(p.Config, "not there yet: quietlegs config init writes it")},
		{"routines", there(p.Routines, "not there yet: quietlegs config init makes it")},
		{"database", there(db, "made on first use")},
		{"backups", there(filepath.Dir(db), "made on first use")},
		{"debug log", there(p.DebugLog, "written with --debug")},
	}
	for _, r := range rows {
		fmt.Fprintf(a.stdout, "%-10s %s\n", r.what, r.where)
	}
	return nil
}
