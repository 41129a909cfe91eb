package cli

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"

	"github.com/quietlegs/quietlegs/logsafe"
)

// exitError carries an exit status other than 1 up to main.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }

// signalError is why a run was cut short by SIGINT, SIGTERM or SIGHUP.
type signalError struct{ sig syscall.Signal }

func (e signalError) Error() string { return "interrupted (" + e.sig.String() + ")" }

// signalContext is cancelled, with the signal as its cause, on SIGINT,
// SIGTERM or SIGHUP (a closed terminal), so a routine can be saved first.
// SIGPIPE (output piped into head, say) is caught too, rather than killing
// the program mid-run: the write that met the closed pipe fails, and what
// was writing saves and ends.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE)
	go func() {
		if s, ok := <-ch; ok {
			cancel(signalError{s.(syscall.Signal)})
		}
	}()
	return ctx, func() { signal.Stop(ch); close(ch) }
}

// interrupted turns a signal into the conventional exit status, 128 + its
// number, once whatever it interrupted has been saved.
func interrupted(ctx context.Context) error {
	var se signalError
	if errors.As(context.Cause(ctx), &se) {
		return exitError{128 + int(se.sig), se}
	}
	return nil
}

// logEnd records how the program ended in the debug log, and closes it. A
// usage error's message is left out: it may hold a value a person typed.
func (a *app) logEnd(err error) {
	var ee exitError
	switch {
	case err == nil:
		a.log.Info("exit", "status", 0)
	case errors.As(err, &ee) && ee.code == 2:
		a.log.Info("exit", "status", 2, "why", "usage error")
	case errors.As(err, &ee):
		a.log.Info("exit", "status", ee.code, "err", logsafe.Describe(err))
	default:
		a.log.Error("exit", "status", 1, "err", logsafe.Describe(err))
	}
	a.closeLog()
}
