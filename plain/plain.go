// Package plain runs a routine without a screen: one line per phase
// change, each ending with the phase's planned length so the lines add up
// to the routine's length. It suits screen readers, pipes and dumb
// terminals, and records the run through the journal like the screen does.
package plain

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/termsafe"
)

// Runner prints one run of a routine.
type Runner struct {
	Out    io.Writer
	Record *journal.Run
	// Bell rings the terminal bell at each change.
	Bell bool
	// Wait blocks for d or until ctx ends: WaitReal in real use, a fake
	// clock's Advance in tests.
	Wait func(ctx context.Context, d time.Duration) error
}

// WaitReal waits on the real clock.
func WaitReal(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Run runs the routine to its end, or until ctx is cancelled (a signal),
// when it saves the run as it stands. It returns the run's status, and an
// error if the run could not be saved at the end.
func (p *Runner) Run(ctx context.Context) (routine.Status, error) {
	out := &firstError{w: p.Out}
	p.Out = out
	e := p.Record.Engine
	p.report(e.Start())
	for !e.Snapshot().Done {
		if out.err != nil {
			// Nobody reads the lines any more (a closed pipe, a full
			// disk): the run ends here, saved as it stands.
			if err := p.Record.Stop(context.Background()); err != nil {
				return e.Status(), fmt.Errorf("output failed (%v), and the routine could not be saved: %w", out.err, err)
			}
			return e.Status(), fmt.Errorf("output failed, so the routine stopped and was saved as %s: %w", e.Status(), out.err)
		}
		snap := e.Snapshot()
		d := time.Duration(float64(snap.PhaseRemaining) / e.Speed())
		if err := p.Wait(ctx, max(d, time.Millisecond)); err != nil {
			// The context is over: save with a fresh one.
			err := p.Record.Stop(context.Background())
			fmt.Fprintln(p.Out, termsafe.Line(e.ClosingLine()))
			if err != nil {
				return e.Status(), fmt.Errorf("routine stopped early and could not be saved: %w", err)
			}
			return e.Status(), nil
		}
		p.report(e.Update())
	}
	if err := p.Record.Err(); err != nil {
		return e.Status(), fmt.Errorf("routine finished but could not be saved: %w", err)
	}
	return e.Status(), nil
}

// firstError is a writer that keeps the first error a write met.
type firstError struct {
	w   io.Writer
	err error
}

func (f *firstError) Write(b []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.w.Write(b)
	f.err = err
	return n, err
}

// report prints the events and saves the run after each batch. With no
// keys to answer, a pause for a clock jump is reported and the run goes on.
func (p *Runner) report(evs []routine.Event) {
	if len(evs) == 0 {
		return
	}
	e := p.Record.Engine
	r := e.Routine()
	for _, ev := range evs {
		switch ev.Kind {
		case routine.PhaseStarted:
			if p.Bell {
				fmt.Fprint(p.Out, "\a")
			}
			fmt.Fprintln(p.Out, phaseLine(r, ev.Step, ev.Phase))
		case routine.Paused:
			fmt.Fprintf(p.Out, "Note: %s; carrying on.\n", termsafe.Line(ev.Reason))
			e.Unpause()
		case routine.Finished:
			if p.Bell {
				fmt.Fprint(p.Out, "\a")
			}
		}
	}
	if err := p.Record.SaveNow(context.Background()); err != nil {
		fmt.Fprintf(p.Out, "Warning: %s (will retry)\n", termsafe.Line(err.Error()))
	}
	if e.Snapshot().Done {
		fmt.Fprintln(p.Out, termsafe.Line(e.ClosingLine()))
	}
}

// phaseLine is "[3/9] Warm and cold compress (warm) 2:00".
func phaseLine(r *routine.Routine, step, phase int) string {
	s := r.Steps[step]
	ph := s.Phases[phase]
	label := ""
	if len(s.Phases) > 1 || ph.Breath != nil {
		label = " (" + ph.Label + ")"
	}
	return termsafe.Line(fmt.Sprintf("[%d/%d] %s%s %s", step+1, len(r.Steps), s.Title, label, routine.FormatDuration(ph.Duration)))
}
