package plain

import (
	"bufio"
	"context"
	"errors"
	"io"
	"time"
)

// ErrNoKeys is what a Wait with no end returns once standard input has
// ended: nobody can answer, so the run goes on by itself.
var ErrNoKeys = errors.New("no keys: standard input has ended")

// Forever is the wait of a run that only a key can move on: paused, or on
// a ready step.
const Forever time.Duration = -1

// A Waiter blocks until d has passed (typed false), a line is typed
// (typed true, the line without its newline), or ctx ends (its error). A
// wait of Forever ends only with a line; once input has ended it returns
// ErrNoKeys.
type Waiter func(ctx context.Context, d time.Duration) (line string, typed bool, err error)

// ReadKeys waits on the real clock and reads keys from in, a line at a
// time. in is read in a goroutine of its own, which ends with in.
func ReadKeys(in io.Reader) Waiter {
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	open := true
	return func(ctx context.Context, d time.Duration) (string, bool, error) {
		var timeout <-chan time.Time
		if d != Forever {
			t := time.NewTimer(d)
			defer t.Stop()
			timeout = t.C
		}
		for {
			var in <-chan string
			if open {
				in = lines
			} else if d == Forever {
				return "", false, ErrNoKeys
			}
			select {
			case <-timeout:
				return "", false, nil
			case line, ok := <-in:
				if !ok {
					open = false
					continue
				}
				return line, true, nil
			case <-ctx.Done():
				return "", false, ctx.Err()
			}
		}
	}
}
