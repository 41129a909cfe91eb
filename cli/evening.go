package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/plain"
	"github.com/quietlegs/quietlegs/ui"
)

func (a *app) eveningCmd() *cobra.Command {
	var (
		noLog, logOnly bool
		none           bool
		symptoms       int
		tags, untags   []string
		note, date     string
		roomTemp       string
		bedding        string
	)
	// logFlags go with --log-only, and only with it.
	logFlags := []night.Field{night.FieldSymptoms, night.FieldTag, night.FieldUntag, night.FieldNone, night.FieldNote, night.FieldNight,
		night.FieldRoomTemp, night.FieldBedding}
	cmd := &cobra.Command{
		Use:   "evening",
		Short: "Run an evening wind-down routine",
		Long: "Run an evening wind-down routine. Without --routine, choose one first.\n" +
			"A chime sounds at every change (one within a step, two for a new step,\n" +
			"three at the end) so you can keep your eyes closed; --voice speaks each cue.\n\n" +
			"Before the routine a short evening log asks how your legs feel and what\n" +
			"the day held (esc skips it). --log-only saves that log from flags instead,\n" +
			"and runs no routine: flags left out keep the night's earlier answers,\n" +
			"--tag adds an item, --untag takes one off, --none says none of the\n" +
			"checklist applied, and --note \"\" clears the note. A log with neither\n" +
			"--tag nor --none leaves the checklist unanswered, and insights leave\n" +
			"that evening out.",
		Example: "  quietlegs evening --routine quick\n" +
			"  quietlegs evening --log-only --symptoms 5 --tag caffeine --tag long-sitting --note \"long drive\"\n" +
			"  quietlegs evening --log-only --untag caffeine\n" +
			"  quietlegs evening --log-only --room-temp 19.5 --bedding light",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			changed := cmd.Flags().Changed
			if !logOnly {
				for _, f := range logFlags {
					if changed(string(f)) {
						return usageError("--%s goes with --log-only", f)
					}
				}
			}
			if logOnly {
				if changed("routine") || changed("no-log") || changed("plain") || changed("pace") {
					return usageError("--log-only saves the evening log and runs no routine: leave out --routine, --no-log, --plain and --pace")
				}
				ch := journal.EveningChange{Night: date, Tag: splitList(tags), Untag: splitList(untags), None: none}
				if changed(string(night.FieldSymptoms)) {
					ch.Symptoms = &symptoms
				}
				if changed(string(night.FieldNote)) {
					ch.Note = &note
				}
				if changed(string(night.FieldRoomTemp)) {
					ch.RoomTemp = &roomTemp
				}
				if changed(string(night.FieldBedding)) {
					ch.Bedding = &bedding
				}
				return a.amendEvening(cmd.Context(), ch)
			}
			if a.routineName == "" && !a.plainMode() {
				return a.runTUI(cmd.Context(), ui.Options{Start: ui.StartPicker, SkipEveningLog: noLog})
			}
			if a.plainMode() {
				return a.runPlain(cmd.Context())
			}
			if changed("pace") {
				return usageError("--pace goes with --plain")
			}
			lib, err := a.library()
			if err != nil {
				return err
			}
			r, ok := lib.Find(a.routineName)
			if !ok {
				return usageError("no routine named %q (see: quietlegs routines)", a.routineName)
			}
			return a.runTUI(cmd.Context(), ui.Options{Start: ui.StartRoutine, Routine: r, SkipEveningLog: noLog})
		},
	}
	f := cmd.Flags()
	f.BoolVar(&noLog, "no-log", false, "start the routine without the evening log")
	f.BoolVar(&logOnly, "log-only", false, "save the evening log from flags; run no routine")
	f.IntVar(&symptoms, string(night.FieldSymptoms), 0, "with --log-only: leg symptoms right now, 0-10")
	f.StringArrayVar(&tags, string(night.FieldTag), nil, "with --log-only: a checklist item that applied today (repeatable, or comma-separated: a,b)")
	f.StringArrayVar(&untags, string(night.FieldUntag), nil, "with --log-only: take a checklist item off tonight's log (repeatable, or a,b)")
	f.BoolVar(&none, string(night.FieldNone), false, "with --log-only: none of the checklist applied today")
	f.StringVar(&note, string(night.FieldNote), "", "with --log-only: a note (\"\" clears it)")
	f.StringVar(&date, string(night.FieldNight), "", "with --log-only: the night, YYYY-MM-DD (default: tonight)")
	f.StringVar(&roomTemp, string(night.FieldRoomTemp), "", "with --log-only: the bedroom's temperature, in the unit of config.toml (°C unless set; \"\" clears it)")
	f.StringVar(&bedding, string(night.FieldBedding), "", "with --log-only: the bedding, an id from the bedding list in config.toml (\"\" clears it)")
	// items completes a flag with the ids of a list in the settings.
	items := func(list func(night.Settings) []night.Item) cobra.CompletionFunc {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			set, err := a.settings()
			if err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
			var out []string
			for _, it := range list(set) {
				out = append(out, it.ID+"\t"+it.Label)
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
	}
	checklist := items(func(s night.Settings) []night.Item { return s.Checklist })
	_ = cmd.RegisterFlagCompletionFunc(string(night.FieldTag), checklist)
	_ = cmd.RegisterFlagCompletionFunc(string(night.FieldUntag), checklist)
	_ = cmd.RegisterFlagCompletionFunc(string(night.FieldBedding), items(func(s night.Settings) []night.Item { return s.Bedding }))
	f.StringVar(&a.routineName, "routine", "", "routine to start, by name")
	f.BoolVar(&a.plain, "plain", false, "no screen: print one line per change (chosen by itself when output is not a terminal)")
	f.BoolVar(&a.anyway, "anyway", false, "with --plain: run even while a routine runs in another window")
	f.StringVar(&a.pace, "pace", string(plain.PaceEach), "with --plain: paced breathing as each breath (each) or a line a minute (quiet)")
	_ = cmd.RegisterFlagCompletionFunc("routine", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		lib, err := a.library()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var names []string
		for _, r := range lib.Routines {
			names = append(names, r.Name+"\t"+r.DisplayTitle())
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// splitList reads repeated flags, each of which may also hold a
// comma-separated list.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// amendEvening saves `evening --log-only`.
func (a *app) amendEvening(ctx context.Context, ch journal.EveningChange) error {
	if ch.Night != "" {
		if err := night.CheckDate(ch.Night); err != nil {
			return flagError(err)
		}
	}
	return a.withJournal(func(j *journal.Journal) error {
		e, existed, err := j.AmendEvening(ctx, ch)
		if errors.Is(err, journal.ErrNothingToSave) {
			return usageError("--log-only has nothing to save: give --symptoms, --tag, --untag, --none, --note, --room-temp or --bedding")
		}
		if err != nil {
			return flagError(err)
		}
		verb := "Saved"
		if existed {
			verb = "Updated"
		}
		fmt.Fprintf(a.stdout, "%s the evening log for the night of %s.\n", verb, e.Night)
		return nil
	})
}

// runPlain runs a routine in plain mode: --routine, or the default one.
// An unknown name is refused before the database is opened.
func (a *app) runPlain(ctx context.Context) error {
	lib, err := a.library()
	if err != nil {
		return err
	}
	pace := plain.Pacing(a.pace)
	if pace != plain.PaceEach && pace != plain.PaceQuiet {
		return usageError("--pace %q: want each or quiet", a.pace)
	}
	set, err := a.settings()
	if err != nil {
		return err
	}
	name := a.routineName
	if name == "" {
		name = set.DefaultRoutine
	}
	r, ok := lib.Default(name)
	if !ok {
		return usageError("no routine named %q (see: quietlegs routines)", name)
	}
	return a.withJournal(func(j *journal.Journal) error {
		// The run lock, as the screen takes it: another window sees this
		// run is going on, and never offers to recover it meanwhile.
		lock, err := j.LockRun()
		switch {
		case errors.Is(err, journal.ErrRunElsewhere) && !a.anyway:
			return exitError{2, errors.New("a routine is running in another window; " +
				"finish it there, or give --anyway to run this one alongside it")}
		case errors.Is(err, journal.ErrRunElsewhere):
			fmt.Fprintln(a.stderr, "quietlegs: running alongside a routine in another window (--anyway)")
		case err != nil:
			fmt.Fprintln(a.stderr, "quietlegs: could not check for other windows:", err)
		default:
			// Released after the last save, so another window never takes
			// this run for one cut off.
			defer lock.Release()
		}
		cues, err := a.cues(j.Settings())
		if err != nil {
			return err
		}
		defer cues.Close(cueDrain)
		p := &plain.Runner{
			Out:    a.out,
			Record: j.NewRun(r, a.speed),
			Bells:  a.bellWriter(),
			Cues:   cues,
			Pace:   pace,
			Wait:   plain.ReadKeys(os.Stdin),
		}
		_, err = p.Run(ctx)
		return err
	})
}

// bellWriter is where plain mode rings terminal bells: standard output on
// a terminal; standard error when only that is one (`| tee log`), so the
// bells still ring and the log stays free of them; else nowhere.
func (a *app) bellWriter() io.Writer {
	switch {
	case term.IsTerminal(os.Stdout.Fd()):
		return a.out
	case term.IsTerminal(os.Stderr.Fd()):
		return os.Stderr // as it is: a.stderr makes the bell safe, and silent
	}
	return nil
}
