// Package logsafe describes errors for the debug log without what they
// quote: no file contents, no value a person typed or a file held, no
// path. What it gives is kinds, places and sizes: "routine file: line 14,
// column 3, steps[2].seconds", "import file: line 2, column 3",
// "*fs.PathError open: no such file or directory".
//
// An error type describes itself by a LogSafe method; quietlegs' own
// error types (routine.FileError, night.FieldError, archive.PositionError,
// regularfile's errors) have one. For any other error Describe names the
// standard kinds it knows (system error numbers, SQLite result codes,
// cancelled or timed-out contexts) and otherwise only the error's type and
// the length of its message.
package logsafe

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
)

// Describer is an error that can describe itself without any value.
type Describer interface {
	LogSafe() string
}

// Describe is err described without values, for the debug log; "" for
// nil.
func Describe(err error) string {
	if err == nil {
		return ""
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		parts := []string{}
		for _, e := range j.Unwrap() {
			if e != nil {
				parts = append(parts, Describe(e))
			}
		}
		return strings.Join(parts, "; ")
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if d := known(e); d != "" {
			return d
		}
		if _, many := e.(interface{ Unwrap() []error }); many {
			return Describe(e)
		}
	}
	return fmt.Sprintf("%T (%d bytes of message)", err, len(err.Error()))
}

// known describes e itself when it is of a kind that can be described
// without values.
func known(e error) string {
	if d, ok := e.(Describer); ok {
		return d.LogSafe()
	}
	var pe *fs.PathError
	switch {
	case errors.Is(e, context.Canceled), errors.Is(e, context.DeadlineExceeded):
		if e == context.Canceled || e == context.DeadlineExceeded {
			return e.Error()
		}
		return ""
	case asPathError(e, &pe):
		return fmt.Sprintf("%s: %s", pe.Op, Describe(pe.Err))
	}
	if n, ok := e.(syscall.Errno); ok {
		return fmt.Sprintf("%s (errno %d)", n.Error(), int(n))
	}
	if c, ok := e.(interface{ Code() int }); ok {
		return fmt.Sprintf("%T code %d", e, c.Code())
	}
	return ""
}

// asPathError is e itself as a *fs.PathError, not one further down.
func asPathError(e error, pe **fs.PathError) bool {
	p, ok := e.(*fs.PathError)
	*pe = p
	return ok
}
