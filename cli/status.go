package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/store"
)

func (a *app) statusCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "One short line for a shell prompt or a status bar: what is due now",
		Long: "Print what is due now in a few words, or nothing when nothing is:\n" +
			"\"check-in for last night missing\" in the morning (from 04:00 to the day\n" +
			"boundary), \"wind-down not yet done tonight\" from the boundary on.\n" +
			"It opens the database for reading only, never creating or changing it,\n" +
			"and reads two nights, so it is quick enough for a prompt.\n\n" +
			"--format json prints {\"tonight\", \"wind_down\", \"last_night\", \"checkin\", \"line\"}.",
		Example: "  PS1='$(quietlegs status) \\$ '\n" +
			"  set -g status-right '#(quietlegs status)'   # in ~/.tmux.conf\n" +
			"  quietlegs status --format json",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usageError("--format %q: want text or json", format)
			}
			st, err := a.status(cmd)
			if err != nil {
				return err
			}
			if format == "json" {
				return json.NewEncoder(a.stdout).Encode(st)
			}
			if st.Line != "" {
				fmt.Fprintln(a.stdout, st.Line)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text or json")
	return cmd
}

// status reads the two nights status needs through a read-only store;
// with no database yet, nothing is recorded and everything is to do.
func (a *app) status(cmd *cobra.Command) (journal.Status, error) {
	set, err := a.settings()
	if err != nil {
		return journal.Status{}, err
	}
	path, err := a.dbPath()
	if err != nil {
		return journal.Status{}, err
	}
	st, err := store.OpenReadOnly(path)
	if errors.Is(err, store.ErrNoDatabase) {
		return journal.StatusOf(time.Now(), set.Boundary, nil), nil
	}
	if err != nil {
		return journal.Status{}, err
	}
	defer st.Close()
	return journal.New(st, journal.Config{Settings: set}).Status(cmd.Context())
}
