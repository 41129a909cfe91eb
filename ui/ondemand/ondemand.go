// Package ondemand runs a Bubble Tea program that draws each new view the
// moment an update produces it, instead of on a frame ticker.
//
// Bubble Tea v2.1.1 flushes its renderer on a fixed ticker whether or not
// anything changed, and its frame rate cannot go below 1 a second; its
// renderer interface is unexported. Upstream pull requests #1776 and #1796
// (charmbracelet/bubbletea) make the ticker demand-driven; until one of them
// is released, this package stands in: it runs the program with
// tea.WithoutRenderer and tea.WithFPS(1), and after every update draws the
// view with ultraviolet's TerminalRenderer (the cell diffing Bubble Tea's own
// renderer wraps), synchronously. Delete it once Bubble Tea draws on demand.
//
// Without Bubble Tea's renderer the program no longer owns the terminal, so
// this package does what it did: raw mode, the alternate screen, the hidden
// cursor, resizes (SIGWINCH), the window title, bracketed paste, the kitty
// keyboard protocol's key disambiguation, synchronized output (mode 2026,
// when the terminal reports it), and restoring all of it on every way out,
// a panic included. tea.Raw output (the bell) and the background-colour
// query are written at once rather than at the next 1-a-second flush.
//
// What it leaves out, because quietlegs does not use them: inline (non
// alternate screen) views, a visible text cursor, mouse modes, focus
// reports, suspend (ctrl+z), tea.Println and the other terminal queries,
// which still reach the terminal, up to a second late. On systems without
// SIGWINCH (Windows) Supported is false and Bubble Tea's renderer is the
// one to use.
package ondemand

import (
	"context"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// Terminal is where the program runs.
type Terminal struct {
	// In is read for keys; it is put in raw mode while the program runs.
	In *os.File
	// Out is drawn on; its size is the screen's.
	Out *os.File
	// Env is the environment the terminal's capabilities are read from
	// (TERM).
	Env []string
	// Profile is the colours the terminal shows; colours are brought down
	// to it (colorprofile.ASCII for NO_COLOR).
	Profile colorprofile.Profile
}

// Run runs m on t until it quits, ctx ends or it panics, and returns the
// final model. opts are added to the program's (tea.WithoutSignalHandler,
// say); they must not set a renderer, input, output or context.
// Whatever ends the program, the terminal is left as it was found.
func Run(ctx context.Context, m tea.Model, t Terminal, opts ...tea.ProgramOption) (tea.Model, error) {
	if !term.IsTerminal(t.In.Fd()) {
		// Keys come from the terminal even when standard input is
		// redirected, as with Bubble Tea's renderer.
		in, _, err := tea.OpenTTY()
		if err != nil {
			return m, fmt.Errorf("open the terminal for keys: %w", err)
		}
		defer in.Close()
		t.In = in
	}
	state, err := term.MakeRaw(t.In.Fd())
	if err != nil {
		return m, fmt.Errorf("set the terminal to raw mode: %w", err)
	}
	w, h, err := term.GetSize(t.Out.Fd())
	if err != nil {
		_ = term.Restore(t.In.Fd(), state)
		return m, fmt.Errorf("read the terminal's size: %w", err)
	}
	a := newAdapter(m, t.Out, t.Env, t.Profile, w, h)
	a.onRestore = func() { _ = term.Restore(t.In.Fd(), state) }
	defer a.restore()

	p := tea.NewProgram(a, append([]tea.ProgramOption{
		tea.WithContext(ctx),
		tea.WithInput(t.In),
		tea.WithOutput(t.Out),
		tea.WithoutRenderer(),
		// The ticker still runs without a renderer; once a second is the
		// least Bubble Tea allows, and it flushes only the rare output this
		// package does not write itself.
		tea.WithFPS(1),
		tea.WithWindowSize(w, h),
		tea.WithColorProfile(t.Profile),
		tea.WithFilter(a.filter),
	}, opts...)...)

	stop := watchSize(t.Out, p)
	defer stop()
	final, runErr := p.Run()
	if fa, ok := final.(*adapter); ok {
		final = fa.inner
	}
	return final, runErr
}

// Sequences written on entering and on leaving. The kitty flag 1 only
// disambiguates keys, as Bubble Tea asks by default; terminals ignore what
// they do not support. The kitty entry is pushed on the alternate screen,
// which keeps a stack of its own, so it is popped before leaving it.
var (
	enterSeq = ansi.SetModeAltScreenSaveCursor +
		ansi.ResetModeTextCursorEnable +
		ansi.SetModeBracketedPaste +
		ansi.SetModifyOtherKeys2 +
		ansi.PushKittyKeyboard(1) +
		// Whether the terminal can hold a frame back until it is whole
		// (mode 2026); the answer arrives as a tea.ModeReportMsg.
		ansi.RequestModeSynchronizedOutput +
		// Whether it can draw a grapheme cluster as one (mode 2027),
		// which the adapter turns on when it can.
		ansi.RequestModeUnicodeCore
	leaveSeq = ansi.PopKittyKeyboard(1) +
		ansi.ResetModifyOtherKeys +
		ansi.ResetModeBracketedPaste +
		ansi.SetWindowTitle("") +
		ansi.ResetModeAltScreenSaveCursor +
		ansi.SetModeTextCursorEnable
)

// write sends s to the terminal in one write, so a sequence is never split
// between two.
func write(w io.Writer, s []byte) {
	// A closed terminal (SIGHUP) fails every write; the program is ending
	// then, and there is no one to tell.
	_, _ = w.Write(s)
}
