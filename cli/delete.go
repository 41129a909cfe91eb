package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
)

func (a *app) deleteCmd() *cobra.Command {
	var date, only string
	var yes bool
	cmd := &cobra.Command{
		Use:   "delete --night YYYY-MM-DD",
		Short: "Delete what is filed under a night",
		Long: "Delete everything filed under a night: its evening log with the items ticked\n" +
			"and what was taken, its check-in, its routine runs with their steps, and its\n" +
			"flare-ups; or only one part with --only (the evening part takes what was\n" +
			"taken with it; flare-ups go only with the whole night). It shows what it\n" +
			"will delete and asks first (only y deletes); without a terminal, --yes\n" +
			"answers. Before deleting it writes a copy of the database beside it\n" +
			"(<db>.delete-<time>.bak, the newest three kept), so a delete can be undone\n" +
			"with quietlegs restore.",
		Example: "  quietlegs delete --night 2026-11-22\n" +
			"  quietlegs delete --night 2026-11-22 --only checkin --yes",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if date == "" {
				return usageError("--night is needed: the night to delete (YYYY-MM-DD)")
			}
			part, err := journal.ParsePart(only)
			if err != nil {
				return flagError(err)
			}
			if only == "" && cmd.Flags().Changed("only") {
				return usageError("--only \"\": want evening, checkin or runs")
			}
			interactive := term.IsTerminal(os.Stdin.Fd())
			if !yes && !interactive {
				return usageError("there is no terminal to ask on: give --yes to delete without asking")
			}
			return a.withJournal(func(j *journal.Journal) error {
				ctx := cmd.Context()
				what, err := j.PreviewDelete(ctx, date, part)
				if err != nil {
					return flagError(err)
				}
				if what.Empty() {
					fmt.Fprintf(a.stdout, "Nothing to delete: the night of %s has no %s.\n", date, partName(part))
					return nil
				}
				fmt.Fprintf(a.stdout, "The night of %s: %s.\n", date, what)
				if !yes {
					fmt.Fprint(a.stdout, "Delete these? y/N ")
					if !answeredYes(os.Stdin) {
						fmt.Fprintln(a.stdout, "Kept: nothing was deleted.")
						return nil
					}
				}
				res, err := j.DeleteNight(ctx, date, part)
				if errors.Is(err, journal.ErrRunElsewhere) {
					return exitError{2, err}
				}
				if err != nil {
					return err
				}
				if res.Deleted.Empty() {
					fmt.Fprintf(a.stdout, "Nothing left to delete for the night of %s.\n", date)
					return nil
				}
				fmt.Fprintf(a.stdout, "Deleted %s of the night of %s. The database as it was is in %s.\n",
					res.Deleted, date, res.Backup)
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&date, "night", "", "the night to delete from (YYYY-MM-DD)")
	f.StringVar(&only, "only", "", "delete only one part: evening, checkin or runs")
	f.BoolVar(&yes, "yes", false, "delete without asking (needed without a terminal)")
	_ = cmd.RegisterFlagCompletionFunc("only", cobra.FixedCompletions([]string{"evening", "checkin", "runs"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// partName names what a night lacks when there is nothing of part.
func partName(p journal.Part) string {
	switch p {
	case journal.EveningPart:
		return "evening log"
	case journal.CheckinPart:
		return "check-in"
	case journal.RunsPart:
		return "routine runs"
	}
	return "records"
}

// answeredYes reads one line and reports whether it says y (or yes).
func answeredYes(r io.Reader) bool {
	line, _ := bufio.NewReader(r).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true
	}
	return false
}

func (a *app) restoreCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Replace the database with a backup",
		Long: "Replace the database with FILE, a backup made by quietlegs backup or one\n" +
			"of the copies quietlegs keeps beside the database (<db>.*.bak). FILE is\n" +
			"checked first: a regular file, a whole SQLite database (integrity_check),\n" +
			"quietlegs' own, and a schema version this quietlegs can read (an older one\n" +
			"is upgraded when next opened). Anything else is refused and nothing is\n" +
			"touched. The database as it was is copied beside it first\n" +
			"(<db>.restore-<time>.bak, the newest three kept). Close other quietlegs\n" +
			"windows first; while a routine runs, restore refuses.",
		Example: "  quietlegs restore ~/quietlegs-backup-20261123T051500.000000000Z.db",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError("restore takes one FILE, the backup to restore (got %d arguments)", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := a.dbPath()
			if err != nil {
				return err
			}
			// Nothing else is open: restore replaces the file under no
			// handle of this process.
			res, err := store.Restore(cmd.Context(), path, args[0])
			if errors.Is(err, journal.ErrRunElsewhere) {
				return exitError{2, err}
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Restored %s from %s (schema version %d, %d %s).\n",
				path, args[0], res.Version, res.Nights, routine.Plural(res.Nights, "night", "nights"))
			if res.Backup != "" {
				fmt.Fprintf(a.stdout, "The database as it was is in %s.\n", res.Backup)
			} else {
				fmt.Fprintln(a.stdout, "There was no database there before.")
			}
			return nil
		},
	}
}
