package form

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/internal/uitest"
	"github.com/quietlegs/quietlegs/ui/screen"
)

func scale() []Option {
	var opts []Option
	for _, s := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"} {
		opts = append(opts, Option{Label: s, Short: s})
	}
	return opts
}

func press(f *Form, keys ...string) (a Action) {
	for _, k := range keys {
		a = f.Update(uitest.KeyPress(k))
	}
	return a
}

func TestChoiceTakesDigitsInARow(t *testing.T) {
	f := New(nil, NewChoice("legs", "Legs", scale(), -1))
	press(f, "1", "0")
	if got := f.Field("legs").Selected(); got != 10 {
		t.Errorf("1 then 0 picked %d, want 10", got)
	}
	press(f, "3")
	if got := f.Field("legs").Selected(); got != 3 {
		t.Errorf("then 3 picked %d, want 3", got)
	}
}

// TestPasteTooLongIsRefusedWhole: nothing is clipped, and the field says
// why.
func TestPasteTooLongIsRefusedWhole(t *testing.T) {
	f := New(nil, NewText("n", "Minutes", Number, 4, "18"))
	f.Update(tea.PasteMsg{Content: strings.Repeat("9", 10)})
	fl := f.Field("n")
	if fl.Value() != "18" || !strings.Contains(fl.Err(), "nothing was pasted") || f.Dirty() {
		t.Errorf("value %q, err %q, dirty %v", fl.Value(), fl.Err(), f.Dirty())
	}
}

// TestSubmitGoesToTheProblem: a problem the check puts at another field
// holds the submit and moves the focus there.
func TestSubmitGoesToTheProblem(t *testing.T) {
	var f *Form
	check := func() {
		if a := f.Field("a"); a.Touched() && a.Value() == "" {
			a.SetErr("type something")
		} else {
			a.SetErr("")
		}
	}
	f = New(check, NewText("a", "A", Text, 10, ""), NewText("b", "B", Text, 10, "x"))
	press(f, "tab") // a problem holds a person at the field
	if f.Focus() != 0 || f.Field("a").Err() == "" {
		t.Fatalf("focus %d, err %q", f.Focus(), f.Field("a").Err())
	}
	press(f, "shift+tab", "h", "i", "enter")
	if f.Focus() != 1 {
		t.Fatalf("focus %d after fixing a", f.Focus())
	}
	if a := press(f, "enter"); a != Submit {
		t.Errorf("enter on the last good field did %v, want Submit", a)
	}
}

// TestFitScrollsAndViewOnlyDraws: the focused field is kept on screen
// by Fit; drawing twice draws the same, and changes nothing.
func TestFitScrollsAndViewOnlyDraws(t *testing.T) {
	var fields []*Field
	for _, k := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		fields = append(fields, NewText(k, "Field "+k, Text, 10, k))
	}
	f := New(nil, fields...)
	ctx := screen.NewContext(routine.NewFakeClock(time.Date(2026, 11, 22, 21, 30, 0, 0, time.UTC)), night.Settings{}, nil)
	ctx.Width, ctx.Height = 40, 8
	for range 7 {
		press(f, "enter")
		f.Fit(ctx, []string{"head"}, "foot")
	}
	v := f.View(ctx, []string{"head"}, "foot")
	if !strings.Contains(v, "Field h") {
		t.Errorf("the focused field is not on screen:\n%s", v)
	}
	if top := f.top; f.View(ctx, []string{"head"}, "foot") != v || f.top != top {
		t.Error("drawing again drew something else, or scrolled")
	}
}
