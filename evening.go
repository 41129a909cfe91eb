package main

import (
	"context"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui"
)

func (a *app) eveningCmd() *cobra.Command {
	var (
		noLog     bool
		logOnly   bool
		symptoms  int
		tags      []string
		note, day string
	)
	cmd := &cobra.Command{
		Use:   "evening",
		Short: "Run an evening wind-down routine",
		Long: "Run an evening wind-down routine. Without --routine, choose one first.\n" +
			"A bell rings at every change so you can keep your eyes closed.\n\n" +
			"Before the routine a short evening log asks how your legs feel and what\n" +
			"the day held (esc skips it). --log-only saves that log from flags instead,\n" +
			"and runs no routine.",
		Example: "  quietlegs evening --routine quick\n" +
			"  quietlegs evening --log-only --symptoms 5 --tag caffeine --tag long-sitting --note \"long drive\"",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !logOnly {
				for _, name := range []string{"symptoms", "tag", "note", "night"} {
					if cmd.Flags().Changed(name) {
						return usageError("--%s goes with --log-only", name)
					}
				}
			}
			if logOnly {
				return a.eveningLog(cmd.Context(), cmd, symptoms, tags, note, day)
			}
			if a.routineName == "" && !a.plainMode() {
				return a.runTUI(cmd.Context(), ui.Options{Start: ui.StartPicker, SkipEveningLog: noLog})
			}
			lib, err := a.library()
			if err != nil {
				return err
			}
			name := a.routineName
			if name == "" {
				name = routine.DefaultName
			}
			r, ok := lib.Find(name)
			if !ok {
				return exitError{2, fmt.Errorf("no routine named %q (see: quietlegs routines)", name)}
			}
			if a.plainMode() {
				return a.runPlain(cmd.Context(), r)
			}
			return a.runTUI(cmd.Context(), ui.Options{Start: ui.StartRoutine, Routine: r, SkipEveningLog: noLog})
		},
	}
	f := cmd.Flags()
	f.BoolVar(&noLog, "no-log", false, "start the routine without the evening log")
	f.BoolVar(&logOnly, "log-only", false, "save the evening log from flags; run no routine")
	f.IntVar(&symptoms, "symptoms", 0, "with --log-only: leg symptoms right now, 0-10")
	f.StringArrayVar(&tags, "tag", nil, "with --log-only: a checklist item that applied today (repeatable)")
	f.StringVar(&note, "note", "", "with --log-only: a note")
	f.StringVar(&day, "night", "", "with --log-only: the night, YYYY-MM-DD (default: tonight)")
	_ = cmd.RegisterFlagCompletionFunc("tag", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		set, err := a.settings()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, it := range set.Checklist {
			out = append(out, it.ID+"\t"+it.Label)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	f.StringVar(&a.routineName, "routine", "", "routine to start, by name")
	f.BoolVar(&a.plain, "plain", false, "no screen: print one line per change (chosen by itself when output is not a terminal)")
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

func (a *app) routinesCmd() *cobra.Command {
	list := &cobra.Command{
		Use:   "routines",
		Short: "List routines, built-in and your own",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			lib, err := a.library()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tTITLE\tLENGTH\tSTEPS\tSOURCE")
			for _, r := range lib.Routines {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", r.Name, r.DisplayTitle(),
					routine.FormatDuration(r.Duration()), len(r.Steps), r.Source)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if dir, err := routine.UserDir(); err == nil {
				fmt.Fprintf(a.stdout, "\nYour routines live in %s\n", dir)
			}
			for _, p := range lib.Problems {
				fmt.Fprintln(a.stderr, "warning:", p)
			}
			return nil
		},
	}
	check := &cobra.Command{
		Use:   "check FILE",
		Short: "Check a routine file and print its plan",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			r, err := routine.LoadFile(args[0])
			if err != nil {
				return exitError{1, err}
			}
			return routine.WritePlan(a.stdout, r)
		},
	}
	list.AddCommand(check)
	return list
}

func (a *app) runPlain(ctx context.Context, r *routine.Routine) error {
	set, st, err := a.records()
	if err != nil {
		return err
	}
	defer st.Close()
	p := &ui.Plain{
		Out:    a.stdout,
		Engine: routine.NewEngine(r, routine.SystemClock(), a.speed),
		Rec:    ui.NewRecorder(st, set.Boundary),
		Bell:   !a.quiet && term.IsTerminal(os.Stdout.Fd()),
		Wait:   ui.WaitReal,
	}
	_, err = p.Run(ctx)
	return err
}
