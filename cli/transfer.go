package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/regularfile"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
)

func (a *app) exportCmd() *cobra.Command {
	var format, from, to, output string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write every night's records as JSON or CSV",
		Long: "Write every night in range (evening log, routine runs, check-in and its\n" +
			"figures), in date order. JSON is the backup format that import reads; CSV\n" +
			"opens in a spreadsheet, one row a night; events-csv is the night-time\n" +
			"flare-ups, one row each. The file is readable by you alone.",
		Example: "  quietlegs export --output backup.json\n" +
			"  quietlegs export --format csv --from 2026-11-01 --output november.csv",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "json" && format != "csv" && format != "events-csv" {
				return usageError("--format %q: want json, csv or events-csv", format)
			}
			if err := checkRange(from, to); err != nil {
				return err
			}
			if os.Getenv("GOGC") == "" {
				debug.SetGCPercent(exportGCPercent)
			}
			return a.withJournal(func(j *journal.Journal) error {
				// Written as read, never held whole: to a file through a
				// temporary one (the file is whole or as it was), to
				// standard output as it comes.
				var n int
				export := func(w io.Writer) (err error) {
					n, err = j.Export(cmd.Context(), w, format, from, to)
					return err
				}
				if output == "" || output == "-" {
					bw := bufio.NewWriterSize(a.stdout, writeBuffer)
					if err := export(bw); err != nil {
						return err
					}
					return bw.Flush()
				}
				if err := a.checkOutput(output); err != nil {
					return err
				}
				if err := writeFileAtomicWith(output, export); err != nil {
					return err
				}
				fmt.Fprintf(a.stderr, "Wrote %d %s to %s.\n", n, routine.Plural(n, "night", "nights"), output)
				return nil
			}, store.ReadingOnly())
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "json", "json, csv or events-csv (the night-time flare-ups)")
	periodFlags(f, &from, &to, "default: the first", "default: the last")
	outputFlag(f, &output)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"json", "csv", "events-csv"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// exportGCPercent is the garbage collector's target (as GOGC) while
// exporting: an export makes a little garbage for every night and keeps
// none of it, so collecting half as often saves about a tenth of its time
// for a few MB (10 years: 27 MB at most instead of 24).
const exportGCPercent = 200

func (a *app) importCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Read an export back in, merging by night",
		Long: "Read a JSON export back in, to restore a backup or move to a new computer.\n" +
			"Nights are merged: a night in the file replaces the same parts of that night\n" +
			"here and leaves other nights alone. Importing twice is the same as once. A\n" +
			"file with any mistake is refused whole, with where the mistake is, and\n" +
			"nothing is written.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			// Only a regular file: a FIFO or a device would hang the read.
			f, err := regularfile.Open(path)
			if err != nil {
				return fmt.Errorf("import: %w", err)
			}
			defer f.Close()
			return a.withJournal(func(j *journal.Journal) error {
				res, err := j.Import(cmd.Context(), f)
				if err != nil {
					err = fmt.Errorf("import %s: %w; nothing was imported", path, err)
					if fe := (*journal.FileError)(nil); errors.As(err, &fe) {
						return exitError{2, err} // the file is the person's to correct
					}
					return err
				}
				fmt.Fprintf(a.stdout, "Imported %s: %d %s added, %d updated, %d unchanged.\n",
					path, res.Added, routine.Plural(res.Added, "night", "nights"), res.Updated, res.Unchanged)
				if res.LabsAdded+res.LabsUpdated > 0 {
					fmt.Fprintf(a.stdout, "Iron results: %d %s added, %d updated.\n",
						res.LabsAdded, routine.Plural(res.LabsAdded, "date", "dates"), res.LabsUpdated)
				}
				return nil
			})
		},
	}
}

func (a *app) backupCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "backup [FILE]",
		Short: "Copy the database, consistently, even while quietlegs runs",
		Long: "Copy the whole database to FILE, a complete SQLite file readable by you\n" +
			"alone. The copy is consistent even while another quietlegs is saving.\n" +
			"Without FILE it goes beside the database, named by the time. FILE must not\n" +
			"exist yet.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := ""
			if len(args) == 1 {
				path = args[0]
			}
			return a.withJournal(func(j *journal.Journal) error {
				path, err := j.Backup(cmd.Context(), path)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "Backed up %s to %s.\n", j.Where(), path)
				return nil
			})
		},
	}
}
