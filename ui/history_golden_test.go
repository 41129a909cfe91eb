package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/ui/history"
)

// lastNight is t0's last night: the history's today.
const lastNight = "2026-11-21"

// startHistory opens the history on 120 generated nights to last night.
// Their evening logs and check-ins are kept in the fake diary and show
// through the history, as in the store, so an edit reads back.
func startHistory(t *testing.T, w, h int, o testOptions) *harness {
	t.Helper()
	if o.History == nil {
		d := newFakeDiary()
		o.Diary, o.History = d, diaryHistory(d, genNights(lastNight, 120, 1))
	}
	if o.Library == nil {
		o.Library = testLibrary()
	}
	o.Start = StartHistory
	return newHarness(t, o, w, h)
}

func (hs *harness) history() *history.Model {
	hs.t.Helper()
	h, ok := hs.root.top().(*history.Model)
	if !ok {
		hs.t.Fatalf("screen is %T, not the history:\n%s", hs.root.top(), hs.view())
	}
	return h
}

// asASCII is the view as Bubble Tea writes it for NO_COLOR.
func asASCII(t *testing.T, raw string) string {
	t.Helper()
	var out strings.Builder
	w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.ASCII}
	if _, err := w.WriteString(raw); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func historyScreens() []struct {
	name string
	keys []string
} {
	return []struct {
		name string
		keys []string
	}{
		{"history-heatmap", nil},
		{"history-heatmap-month-before", []string{"[", "left", "left"}},
		// The selection two down, scrolled to the top row. (The frame was
		// once reached by 2, down, down alone, but only because drawing
		// set the scroll and the test drew no frame between keys; the
		// program draws after every key, as these keys now do.)
		{"history-table", []string{"2", "down", "down", "pgdown", "pgup"}},
		{"history-detail", []string{"2", "down", "enter"}},
		{"history-detail-empty", []string{"1", "up", "enter"}},
		{"history-trends", []string{"4"}},
		{"history-trends-90", []string{"4", "r"}},
		{"history-insights", []string{"5"}},
	}
}

// TestHistoryGoldens draws every view at 80x24 and 40x12, in colour and
// as written for NO_COLOR: the same text, the one without any colour.
func TestHistoryGoldens(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		for _, sc := range historyScreens() {
			name := sc.name + "-" + itoa(sz.w) + "x" + itoa(sz.h)
			t.Run(name, func(t *testing.T) {
				hs := startHistory(t, sz.w, sz.h, testOptions{})
				hs.keys(sc.keys...)
				raw := hs.root.View().Content
				plain := asASCII(t, raw)
				checkSize(t, raw, sz.w, sz.h)
				checkSize(t, plain, sz.w, sz.h)
				if ansi.Strip(raw) != ansi.Strip(plain) {
					t.Errorf("the text differs without colour:\n%s\n---\n%s", ansi.Strip(raw), ansi.Strip(plain))
				}
				golden(t, name+"-colour", raw)
				golden(t, name+"-nocolour", plain)
			})
		}
	}
}

// TestHomeGoldensWithNights draws home with the last 7 nights.
func TestHomeGoldensWithNights(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		name := "home-nights-" + itoa(sz.w) + "x" + itoa(sz.h)
		t.Run(name, func(t *testing.T) {
			hist := &fakeHistory{Recs: genNights(lastNight, 30, 1)}
			hs := newHarness(t, testOptions{Library: testLibrary(), History: hist}, sz.w, sz.h)
			raw := hs.root.View().Content
			checkSize(t, raw, sz.w, sz.h)
			golden(t, name, ansi.Strip(raw))
			golden(t, name+"-nocolour", asASCII(t, raw))
		})
	}
}
