package cli

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/routine"
)

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
			if dir := a.places.Routines; dir != "" {
				fmt.Fprintf(a.stdout, "\nYour routines live in %s\n", dir)
			}
			for _, p := range lib.Problems {
				fmt.Fprintln(a.stderr, "warning:", p)
			}
			return nil
		},
	}
	check := &cobra.Command{
		Use:   "check FILE|NAME",
		Short: "Check a routine file, or a routine by name, and print its plan",
		Example: "  quietlegs routines check calm.toml\n" +
			"  quietlegs routines check wind-down",
		Args: func(_ *cobra.Command, args []string) error {
			switch len(args) {
			case 0:
				return usageError("routines check needs a routine file to check (calm.toml), or a routine's name (see: quietlegs routines)")
			case 1:
				return nil
			}
			return usageError("routines check takes one routine file or name, not %d", len(args))
		},
		RunE: func(_ *cobra.Command, args []string) error {
			r, err := a.routineToCheck(args[0])
			if err != nil {
				return err
			}
			return routine.WritePlan(a.stdout, r)
		},
	}
	list.AddCommand(check)
	return list
}

// routineToCheck is the routine file at arg, or, when no such file
// exists and arg is a plain name, the routine of that name.
func (a *app) routineToCheck(arg string) (*routine.Routine, error) {
	if _, err := os.Stat(arg); err != nil && !strings.ContainsAny(arg, `/\.`) {
		lib, err := a.library()
		if err != nil {
			return nil, err
		}
		if r, ok := lib.Find(arg); ok {
			return r, nil
		}
		return nil, usageError("no routine file or routine named %q (see: quietlegs routines)", arg)
	}
	r, err := routine.LoadFile(arg)
	if err != nil {
		return nil, exitError{1, err}
	}
	return r, nil
}
