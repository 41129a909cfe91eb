package cli

import (
	"fmt"
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
