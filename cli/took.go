package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/termsafe"
)

func (a *app) tookCmd() *cobra.Command {
	var at, date string
	cmd := &cobra.Command{
		Use:   "took NAME [AMOUNT]",
		Short: "Record a medicine or supplement you took, in your own words",
		Long: "Record a medicine or supplement you took: NAME and AMOUNT are your own\n" +
			"words, kept as you give them. The time is now, or --at HH:MM, read within\n" +
			"the night as the check-in's times are; --night files it under an earlier\n" +
			"night (then --at is needed). quietlegs never suggests, compares or judges\n" +
			"a medicine or a dose; the report lists what was taken, when, per night.",
		Example: "  quietlegs took iron \"65 mg\"\n" +
			"  quietlegs took magnesium --at 21:30\n" +
			"  quietlegs took \"my prescription\" \"1 tablet\" --at 20:00 --night 2026-11-22",
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			d := journal.Dose{Name: args[0], At: at, Night: date}
			if len(args) == 2 {
				d.Amount = args[1]
			}
			if date != "" {
				if err := night.CheckDate(date); err != nil {
					return flagError(err)
				}
			}
			return a.withJournal(func(j *journal.Journal) error {
				saved, ticked, err := j.Took(cmd.Context(), d)
				var te *journal.TickError
				if err != nil && !errors.As(err, &te) {
					return tookError(err)
				}
				fmt.Fprintf(a.stdout, "Recorded %s at %s for the night of %s.\n",
					strconv.Quote(saved.Label()), saved.At.Format("15:04"), saved.Night)
				if len(ticked) > 0 {
					labels := make([]string, len(ticked))
					for i, id := range ticked {
						labels[i] = j.Settings().Label(id)
					}
					fmt.Fprintf(a.stdout, "Ticked on that night's checklist: %s.\n", strings.Join(labels, ", "))
				}
				if te != nil {
					// Recorded: said so, not failed, so it is not taken twice.
					fmt.Fprintln(a.stderr, "quietlegs: the dose is recorded, but its checklist items could not be ticked:", te.Err)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&at, string(night.FieldTookAt), "", "when you took it, HH:MM (default: now)")
	cmd.Flags().StringVar(&date, string(night.FieldNight), "", "the night, YYYY-MM-DD (default: tonight)")
	return cmd
}

// tookError names NAME and AMOUNT as the arguments they are, and the rest
// as flags.
func tookError(err error) error {
	es := night.AsFieldErrors(err)
	if len(es) == 1 && (es[0].Field == night.FieldTookName || es[0].Field == night.FieldTookAmount) {
		return usageError("%s: %s", strings.ToUpper(string(es[0].Field)), es[0].Msg)
	}
	return flagError(err)
}

func (a *app) labsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "labs",
		Short: "List your iron results (ferritin, transferrin saturation)",
		Long: "List the iron results you have added, by date: ferritin in µg/L and\n" +
			"transferrin saturation (TSAT) in %, as your clinic gave them. quietlegs\n" +
			"shows no target values and does not interpret them.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withJournal(func(j *journal.Journal) error {
				labs, err := j.Labs(cmd.Context())
				if err != nil {
					return err
				}
				if len(labs) == 0 {
					fmt.Fprintln(a.stdout, "No iron results yet. Add some with: quietlegs labs add --date YYYY-MM-DD --ferritin N --tsat N")
					return nil
				}
				fmt.Fprintf(a.stdout, "%-10s  %15s  %8s  %s\n", "date", "ferritin µg/L", "TSAT %", "note")
				for _, l := range labs {
					fmt.Fprintf(a.stdout, "%-10s  %15s  %8s  %s\n", l.Date, labNumber(l.Ferritin), labNumber(l.TSAT), termsafe.Line(l.Note))
				}
				return nil
			})
		},
	}
	cmd.AddCommand(a.labsAddCmd(), a.labsDeleteCmd())
	return cmd
}

func (a *app) labsDeleteCmd() *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:     "delete --date YYYY-MM-DD",
		Short:   "Delete the iron results of a date (one typed by mistake)",
		Long:    "Delete the iron results of --date. What is deleted is printed, so it can be\nadded again with labs add.",
		Example: "  quietlegs labs delete --date 2026-11-02",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed(string(night.FieldLabDate)) {
				return usageError("--date is needed: the day of the results to delete, YYYY-MM-DD")
			}
			return a.withJournal(func(j *journal.Journal) error {
				l, err := j.DeleteLab(cmd.Context(), date)
				if err != nil {
					return flagError(err)
				}
				fmt.Fprintf(a.stdout, "Deleted the results of %s: %s.\n", l.Date, labSummary(l))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&date, string(night.FieldLabDate), "", "the day of the results, YYYY-MM-DD")
	return cmd
}

// labSummary says what a set of results holds: "ferritin 48 µg/L, TSAT
// 22 %".
func labSummary(l night.Lab) string {
	var parts []string
	if l.Ferritin != nil {
		parts = append(parts, "ferritin "+labNumber(l.Ferritin)+" µg/L")
	}
	if l.TSAT != nil {
		parts = append(parts, "TSAT "+labNumber(l.TSAT)+" %")
	}
	if l.Note != "" {
		parts = append(parts, "note "+strconv.Quote(termsafe.Line(l.Note)))
	}
	if len(parts) == 0 {
		return "nothing left"
	}
	return strings.Join(parts, ", ")
}

// labNumber writes a result as given, "-" when not given.
func labNumber(v *float64) string {
	if v == nil {
		return "-"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func (a *app) labsAddCmd() *cobra.Command {
	var date, ferritin, tsat, note string
	cmd := &cobra.Command{
		Use:   "add --date YYYY-MM-DD [--ferritin N] [--tsat N] [--note TEXT]",
		Short: "Add iron results from a blood test",
		Long: "Add the iron results of a blood test taken on --date: --ferritin in µg/L,\n" +
			"--tsat (transferrin saturation) in %. Adding to a date again changes only\n" +
			"what you give (\"\" clears it).",
		Example: "  quietlegs labs add --date 2026-11-02 --ferritin 48 --tsat 22 --note \"fasting\"",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fl := cmd.Flags()
			if !fl.Changed(string(night.FieldLabDate)) {
				return usageError("--date is needed: the day the blood was taken, YYYY-MM-DD")
			}
			if !fl.Changed(string(night.FieldLabFerritin)) && !fl.Changed(string(night.FieldLabTSAT)) && !fl.Changed(string(night.FieldNote)) {
				return usageError("labs add needs at least one of --ferritin, --tsat and --note")
			}
			ch := journal.LabChange{Date: date}
			if fl.Changed(string(night.FieldLabFerritin)) {
				ch.Ferritin = &ferritin
			}
			if fl.Changed(string(night.FieldLabTSAT)) {
				ch.TSAT = &tsat
			}
			if fl.Changed(string(night.FieldNote)) {
				ch.Note = &note
			}
			return a.withJournal(func(j *journal.Journal) error {
				l, existed, err := j.AddLab(cmd.Context(), ch)
				if err != nil {
					return flagError(err)
				}
				verb := "Added"
				if existed {
					verb = "Updated"
				}
				fmt.Fprintf(a.stdout, "%s the results of %s: %s.\n", verb, l.Date, labSummary(l))
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&date, string(night.FieldLabDate), "", "the day the blood was taken, YYYY-MM-DD")
	fl.StringVar(&ferritin, string(night.FieldLabFerritin), "", "ferritin, µg/L")
	fl.StringVar(&tsat, string(night.FieldLabTSAT), "", "transferrin saturation, %")
	fl.StringVar(&note, string(night.FieldNote), "", "a note of your own")
	return cmd
}
