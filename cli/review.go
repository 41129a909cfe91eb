package cli

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/journal"
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
	return &cobra.Command{
		Use:   "insights",
		Short: "What your records show, as plain text",
		Long: "Compare nights with and without each checklist item, and with and without\n" +
			"the routine completed, on next-morning leg symptoms and sleep efficiency.\n" +
			"Each is an association in your own records, with a 95 % interval, never a\n" +
			"cause; with fewer than 5 nights on either side it says so instead.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withJournal(func(j *journal.Journal) error {
				in, err := j.Insights(cmd.Context())
				if err != nil {
					return err
				}
				if in.Nights == 0 {
					fmt.Fprintln(a.stdout, "No nights recorded yet: insights need a few weeks of evening logs and morning check-ins.")
					return nil
				}
				fmt.Fprintf(a.stdout, "From %d nights, %s to %s. These are associations in your own records, not causes,\n"+
					"and with this many comparisons about 1 in 20 intervals will miss zero by chance alone.\n\n",
					in.Nights, in.From, in.To)
				var later []insight.Finding
				for _, f := range insight.Shown(in.Findings) {
					if !f.Enough {
						later = append(later, f)
						continue
					}
					fmt.Fprintln(a.stdout, "- "+f.Sentence())
				}
				if len(later) > 0 {
					fmt.Fprintln(a.stdout, "\nNot enough nights yet:")
					for _, f := range later {
						fmt.Fprintln(a.stdout, "- "+f.Sentence())
					}
				}
				return nil
			})
		},
	}
}

func (a *app) reportCmd() *cobra.Command {
	var days int
	var output string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write a Markdown summary to print or send to a clinician",
		Long: "Write a Markdown summary of the last --days nights, up to last night:\n" +
			"routine adherence, leg symptoms, sleep-diary averages, when symptoms started,\n" +
			"the evening checklist, insights, and a table of every night. Ratings are\n" +
			"self-reported and not a clinical scale.",
		Example: "  quietlegs report --days 28 --output report.md",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if days < 1 || days > 36500 {
				return usageError("--days %d: want 1 to 36500", days)
			}
			return a.withJournal(func(j *journal.Journal) error {
				from, to := j.ReportRange(days)
				var buf bytes.Buffer
				if err := j.WriteReport(cmd.Context(), &buf, from, to); err != nil {
					return err
				}
				return a.emit(output, buf.Bytes(), fmt.Sprintf("Wrote the report for %s to %s to %s.", from, to, output))
			})
		},
	}
	cmd.Flags().IntVar(&days, "days", 14, "how many nights, up to last night")
	cmd.Flags().StringVarP(&output, "output", "o", "", "file to write (default: standard output)")
	return cmd
}
