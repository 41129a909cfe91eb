package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui"
)

func (a *app) flareCmd() *cobra.Command {
	var (
		severity, after int
		tried           []string
		helped, at      string
		date            string
	)
	// eventFlags record an event without a screen; --severity is needed
	// with any of them.
	eventFlags := []night.Field{night.FieldSeverity, night.FieldMeasure, night.FieldAfter, night.FieldHelped, night.FieldAt, night.FieldNight}
	cmd := &cobra.Command{
		Use:   "flare",
		Short: "Your toolkit for a flare-up in the night, and a record of what helped",
		Long: "For when your legs wake you. Without flags it asks how strong it is right\n" +
			"now (one key, 0-10), offers your toolkit for that (mild 1-3, moderate 4-6,\n" +
			"severe 7-10; change it under [toolkit] in your config file), runs what you\n" +
			"pick, and then asks how strong it is now and whether it helped.\n\n" +
			"With flags it records a flare-up without a screen: --severity is needed,\n" +
			"--tried may be repeated (id, or id:minutes: a measure of your toolkit or\n" +
			"one already recorded), and --at defaults to now, which is only for tonight.\n" +
			"A flare-up already recorded at --at is kept and the new one refused; without\n" +
			"--at, should another be recorded this second, the next free second is taken.",
		Example: "  quietlegs flare\n" +
			"  quietlegs flare --severity 7 --tried walk:10 --tried stretch --after 3 --helped a-lot --at 02:10",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			changed := cmd.Flags().Changed
			given := false
			for _, f := range eventFlags {
				given = given || changed(string(f))
			}
			if !given {
				if a.plainMode() {
					return usageError("the toolkit needs a terminal that can show screens (output is not a terminal, or TERM=dumb); " +
						"without one, record a flare-up with flags: quietlegs flare --severity N [--tried ID[:MINUTES]] (see --help)")
				}
				return a.runTUI(cmd.Context(), ui.Options{Start: ui.StartFlare})
			}
			if !changed(string(night.FieldSeverity)) {
				return usageError("--severity is needed to record a flare-up: how strong it was, 0-10")
			}
			e := night.Event{Severity: severity, Night: date}
			for _, v := range tried {
				// Not splitList: an empty id is refused, not dropped.
				for _, s := range strings.Split(v, ",") {
					t, err := journal.ParseTried(s)
					if err != nil {
						return flagError(err)
					}
					e.Tried = append(e.Tried, t)
				}
			}
			if changed(string(night.FieldAfter)) {
				e.SeverityAfter = &after
			}
			h, err := night.ParseHelped(helped)
			if err != nil {
				return flagError(err)
			}
			if changed(string(night.FieldHelped)) && h == "" {
				return usageError("--helped \"\": want not-at-all, a-little or a-lot")
			}
			e.Helped = h
			return a.recordEvent(cmd.Context(), e, at)
		},
	}
	f := cmd.Flags()
	f.IntVar(&severity, string(night.FieldSeverity), 0, "how strong it was before trying anything, 0-10")
	f.StringArrayVar(&tried, string(night.FieldMeasure), nil, "what you tried, as id or id:minutes, e.g. walk:10 (repeatable)")
	f.IntVar(&after, string(night.FieldAfter), 0, "how strong it was afterwards, 0-10")
	f.StringVar(&helped, string(night.FieldHelped), "", "did it help: not-at-all, a-little or a-lot")
	f.StringVar(&at, string(night.FieldAt), "", "when it began, HH:MM (default: now; needed for a night before tonight)")
	f.StringVar(&date, string(night.FieldNight), "", "the night, YYYY-MM-DD (default: the night --at falls in)")
	_ = cmd.RegisterFlagCompletionFunc(string(night.FieldHelped), cobra.FixedCompletions(
		[]string{"not-at-all", "a-little", "a-lot"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc(string(night.FieldMeasure), func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		set, err := a.settings()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return set.Toolkit.IDs(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// recordEvent saves `flare` with flags and says what was saved.
func (a *app) recordEvent(ctx context.Context, e night.Event, at string) error {
	return a.withJournal(func(j *journal.Journal) error {
		saved, err := j.AddEvent(ctx, e, at)
		if err != nil {
			return flagError(err)
		}
		fmt.Fprintln(a.stdout, describeEvent(saved))
		return nil
	})
}

// describeEvent is one line on a saved flare-up.
func describeEvent(e night.Event) string {
	var b strings.Builder
	clock := e.At.Format("15:04")
	if e.At.Second() != 0 {
		// Noted now, or a second on: the seconds tell quick ones apart.
		clock = e.At.Format("15:04:05")
	}
	fmt.Fprintf(&b, "Recorded a flare-up at %s (night of %s): %d", clock, e.Night, e.Severity)
	if len(e.Tried) > 0 {
		b.WriteString(", tried " + e.TriedText())
	}
	if e.SeverityAfter != nil {
		fmt.Fprintf(&b, ", %d afterwards", *e.SeverityAfter)
	}
	if e.Helped != "" {
		b.WriteString(", helped " + e.Helped.Label())
	}
	return b.String() + "."
}
