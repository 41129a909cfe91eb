package cli

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui"
)

// checkinFlags are the check-in's answers as flags: one per field, named
// after it, with what it takes and its help.
var checkinFlags = []struct {
	field      night.Field
	kind, help string
}{
	{night.FieldInBed, "HH:MM", "time you got into bed"},
	{night.FieldTried, "HH:MM", "time you tried to go to sleep"},
	{night.FieldLatency, "int", "minutes it took to fall asleep"},
	{night.FieldAwakenings, "int", "times you woke up, not counting the last"},
	{night.FieldAwake, "int", "minutes awake in those awakenings, in total"},
	{night.FieldFinal, "HH:MM", "time of your final awakening"},
	{night.FieldOut, "HH:MM", "time you got out of bed"},
	{night.FieldQuality, "int", "sleep quality, 1 very poor to 5 very good"},
	{night.FieldRested, "int", "how rested you feel, 1 not at all to 5 very well-rested"},
	{night.FieldRLS, "int", "leg symptoms last night, 0 none to 10 worst"},
	{night.FieldOnset, "string", "when symptoms started: none, bedtime, evening or before-6pm"},
	{night.FieldGotUp, "int", "times you got up because of your legs"},
	{night.FieldNote, "string", "anything else worth remembering"},
	// Optional leg items of our own; "" clears one.
	{night.FieldOnsetAt, "HH:MM", "the clock time symptoms started (agrees with --onset)"},
	{night.FieldSide, "string", "where: left, right, both or alternating"},
	{night.FieldArms, "yes|no", "arms or other body parts affected too"},
	{night.FieldWorst, "int", "the worst moment, 0 none to 10 worst"},
	{night.FieldLasted, "int", "roughly how long symptoms lasted, minutes"},
	{night.FieldPartner, "yes|no|none", "a bed partner noticed leg jerks or kicking (none: no partner)"},
}

// answerValue is one answer flag: it keeps the text as typed, so the
// journal reads every answer, from flags and forms alike, the same way.
type answerValue struct {
	text, kind string
}

func (v *answerValue) String() string     { return v.text }
func (v *answerValue) Set(s string) error { v.text = s; return nil }
func (v *answerValue) Type() string       { return v.kind }

// answersOf collects the answer flags that were given.
func answersOf(fl *pflag.FlagSet) journal.Answers {
	a := journal.Answers{}
	for _, f := range checkinFlags {
		if fl.Changed(string(f.field)) {
			a[f.field] = fl.Lookup(string(f.field)).Value.String()
		}
	}
	return a
}

func (a *app) morningCmd() *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:   "morning",
		Short: "Fill in the morning check-in (sleep diary and legs)",
		Long: "Fill in the morning check-in for last night: a sleep diary after the\n" +
			"Consensus Sleep Diary, plus leg-symptom items of our own (not a clinical\n" +
			"score). Without flags it opens a form. With --night alone, the form edits\n" +
			"that night. With any answer given as a flag it saves without a form:\n" +
			"answers not given keep the night's earlier values, or, for a new night,\n" +
			"are 0 (times and ratings are then required). The leg items --onset-at,\n" +
			"--side, --arms, --worst, --lasted and --partner are optional: left out,\n" +
			"or given as \"\", they record nothing.",
		Example: "  quietlegs morning\n" +
			"  quietlegs morning --night 2026-11-22 --in-bed 22:00 --tried 22:30 --latency 18 \\\n" +
			"    --awakenings 2 --awake 30 --final 06:30 --out 06:45 --quality 3 --rested 3 \\\n" +
			"    --rls 4 --onset bedtime --got-up 1 --note \"woke at 3, legs restless\"\n" +
			"  quietlegs morning --onset-at 22:40 --side both --arms no --worst 7 --lasted 90 --partner none",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if date != "" {
				if err := night.CheckDate(date); err != nil {
					return flagError(err)
				}
			}
			answers := answersOf(cmd.Flags())
			if len(answers) == 0 {
				return a.runTUI(cmd.Context(), ui.Options{Start: ui.StartMorning, Night: date})
			}
			return a.withJournal(func(j *journal.Journal) error {
				if date == "" {
					date = j.LastNight()
				}
				saved, err := j.SaveCheckin(cmd.Context(), date, answers)
				if err != nil {
					return flagError(err)
				}
				for _, n := range saved.Notes {
					fmt.Fprintln(a.stderr, "note: --"+n)
				}
				verb := "Saved"
				if saved.Updated {
					verb = "Updated"
				}
				fig := saved.Figures
				fmt.Fprintf(a.stdout, "%s the check-in for the night of %s: %s in bed, %s asleep, sleep efficiency %.2f %%.\n",
					verb, date, night.FormatMinutes(fig.TIB), night.FormatMinutes(fig.TST), fig.SE)
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&date, string(night.FieldNight), "", "the night, as YYYY-MM-DD (default: last night)")
	for _, f := range checkinFlags {
		help := f.help
		if f.kind == "HH:MM" {
			help += ", HH:MM"
		}
		fl.Var(&answerValue{kind: f.kind}, string(f.field), help)
	}
	complete := func(f night.Field, vals ...string) {
		_ = cmd.RegisterFlagCompletionFunc(string(f), func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return vals, cobra.ShellCompDirectiveNoFileComp
		})
	}
	complete(night.FieldSide, "left", "right", "both", "alternating")
	complete(night.FieldArms, "yes", "no")
	complete(night.FieldPartner, "yes", "no", "none\tno bed partner")
	_ = cmd.RegisterFlagCompletionFunc(string(night.FieldOnset), func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, o := range night.Onsets {
			out = append(out, string(o)+"\t"+o.Label())
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}
