package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/report"
	"github.com/quietlegs/quietlegs/store"
	"github.com/quietlegs/quietlegs/ui"
)

func (a *app) historyCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "history",
		Short: "Browse past nights: calendar, table, trends and insights",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runTUI(cmd.Context(), ui.Options{Start: ui.StartHistory})
		},
	}
}

func (a *app) insightsCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "insights",
		Short: "What your records show, as text or JSON",
		Long: "Compare nights with and without each checklist trigger, and with and\n" +
			"without the routine completed, on next-morning leg symptoms and sleep\n" +
			"efficiency. Nights run in streaks, so each difference is estimated by\n" +
			"resampling runs of nights, and only those that survive a correction for\n" +
			"every comparison made are said to hold. Remedies are shown apart, untested.\n" +
			"Each is an association in your own records, never a cause.\n\n" +
			"--format json prints {\"nights\", \"from\", \"to\", \"method\", \"comparisons\"} for scripts.",
		Example: "  quietlegs insights\n  quietlegs insights --format json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usageError("--format %q: want text or json", format)
			}
			return a.withJournal(func(j *journal.Journal) error {
				res, err := j.Insights(cmd.Context())
				if err != nil {
					return err
				}
				if res.Nights == 0 {
					fmt.Fprintf(a.stderr, "quietlegs: no nights are recorded in %s\n", j.Where())
				}
				if format == "json" {
					enc := json.NewEncoder(a.stdout)
					enc.SetIndent("", "  ")
					return enc.Encode(res)
				}
				return insight.WriteText(a.stdout, res, a.width())
			}, store.ReadingOnly())
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// width is the terminal's width for wrapped text, or 80 when standard
// output is not a terminal.
func (a *app) width() int {
	if f, ok := a.out.(*os.File); ok {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

func (a *app) reportCmd() *cobra.Command {
	var (
		days             int
		from, to, output string
		format           string
	)
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write a summary to print or send to a clinician (Markdown or HTML)",
		Long: "Write a summary of the last 14 nights up to last night (or --days N, or\n" +
			"--from and --to): a sleep-diary table of every night with its figures and\n" +
			"leg items, averages with their spread, week by week, the regularity of\n" +
			"bedtime and waking, the routine's adherence (trial runs left out), the\n" +
			"checklist, and the insights that hold. --format html writes one\n" +
			"self-contained page with charts that prints on two pages at most. Ratings\n" +
			"are your own, not a clinical score.",
		Example: "  quietlegs report --output report.md\n" +
			"  quietlegs report --days 28 --format html --output report.html\n" +
			"  quietlegs report --from 2026-11-01 --to 2026-11-14",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := report.ParseFormat(format)
			if err != nil {
				return usageError("--format %q: want md or html", format)
			}
			changed := cmd.Flags().Changed
			if changed("days") && (changed("from") || changed("to")) {
				return usageError("--days goes without --from and --to")
			}
			if changed("from") != changed("to") {
				return usageError("--from and --to go together")
			}
			if err := checkRange(from, to); err != nil {
				return err
			}
			if days < 1 || days > 36500 {
				return usageError("--days %d: want 1 to 36500", days)
			}
			return a.withJournal(func(j *journal.Journal) error {
				if from == "" {
					from, to = j.ReportRange(days)
				}
				if _, _, n, err := j.NightRange(cmd.Context()); err == nil && n == 0 {
					fmt.Fprintf(a.stderr, "quietlegs: no nights are recorded in %s\n", j.Where())
				}
				var buf bytes.Buffer
				if err := j.WriteReport(cmd.Context(), &buf, from, to, f); err != nil {
					return err
				}
				return a.emit(output, buf.Bytes(), fmt.Sprintf("Wrote the report for %s to %s to %s.", from, to, output))
			}, store.ReadingOnly())
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&days, "days", report.DefaultDays, "how many nights, up to last night")
	periodFlags(fl, &from, &to, "with --to", "with --from")
	fl.StringVar(&format, "format", "md", "md or html")
	outputFlag(fl, &output)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"md", "html"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
