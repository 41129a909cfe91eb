package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// helpScreens are the screens with a help line, and the keys that reach
// each from its start.
func helpScreens() []struct {
	name   string
	o      testOptions
	keys   []string
	golden bool
} {
	hist := func() *fakeHistory { return diaryHistory(newFakeDiary(), genNights(lastNight, 120, 1)) }
	return []struct {
		name   string
		o      testOptions
		keys   []string
		golden bool
	}{
		{"home", testOptions{Library: testLibrary()}, nil, true},
		{"picker", testOptions{Library: testLibrary(), Start: StartPicker}, nil, true},
		{"evening log", testOptions{Library: testLibrary()}, []string{"e"}, true},
		{"check-in", testOptions{Start: StartMorning}, nil, false},
		{"calendar", testOptions{Start: StartHistory, History: hist()}, nil, false},
		{"table", testOptions{Start: StartHistory, History: hist()}, []string{"2"}, false},
		{"night", testOptions{Start: StartHistory, History: hist()}, []string{"3"}, true},
		{"trends", testOptions{Start: StartHistory, History: hist()}, []string{"4"}, false},
		{"insights", testOptions{Start: StartHistory, History: hist()}, []string{"5"}, false},
		{"night toolkit", testOptions{Library: testLibrary()}, []string{"f"}, true},
		{"toolkit list", testOptions{Library: testLibrary()}, []string{"f", "7"}, false},
	}
}

// The help line fits the screen whole, ends with "? help", and ? shows
// every key until the next key, on every screen at both sizes.
func TestEveryScreenHasHelpThatFits(t *testing.T) {
	for _, sc := range helpScreens() {
		for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
			hs := newHarness(t, sc.o, sz.w, sz.h)
			hs.keys(sc.keys...)
			v := hs.view()
			lines := strings.Split(v, "\n")
			foot := lines[len(lines)-1]
			if strings.HasSuffix(foot, "…") || ansi.StringWidth(foot) > sz.w || !strings.HasSuffix(foot, "? help") {
				t.Errorf("%s at %dx%d: help line %q, want it whole, within %d columns, ending in \"? help\"",
					sc.name, sz.w, sz.h, foot, sz.w)
			}
			hs.key("?")
			page := hs.view()
			if sc.golden {
				golden(t, "keys-"+strings.ReplaceAll(sc.name, " ", "-")+"-"+itoa(sz.w)+"x"+itoa(sz.h), hs.root.View().Content)
			}
			if !strings.HasPrefix(page, "Keys") || !strings.Contains(page, "any key to go back") {
				t.Errorf("%s at %dx%d: ? shows\n%s", sc.name, sz.w, sz.h, page)
			}
			hs.key("x")
			if got := hs.view(); got != v {
				t.Errorf("%s at %dx%d: after ? and a key, the screen is\n%s\nwant as before\n%s", sc.name, sz.w, sz.h, got, v)
			}
		}
	}
}

// In a form's note, ? is typed, not help.
func TestQuestionMarkIsTypedInANote(t *testing.T) {
	hs := newHarness(t, testOptions{Library: testLibrary()}, 80, 24)
	hs.keys("e", "enter", "enter") // legs, checklist, to the note
	if v := hs.view(); strings.HasSuffix(v, "? help") {
		t.Fatalf("the note's help line offers ?:\n%s", v)
	}
	hs.keys("w", "h", "y", "?")
	if v := hs.view(); !strings.Contains(v, "why?") || strings.HasPrefix(v, "Keys") {
		t.Errorf("? in the note was not typed:\n%s", v)
	}
}
