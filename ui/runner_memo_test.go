package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestRunnerMemoShowsWhatAFreshViewShows checks that the text a run keeps
// between seconds is what drawing it afresh gives: while a step counts
// down, waits or is paused, after a new step, a resize, and a change of
// background that the run itself did not hear of.
func TestRunnerMemoShowsWhatAFreshViewShows(t *testing.T) {
	o := testOptions{Routine: readyRoutine(), Start: StartRoutine, SkipEveningLog: true}
	steps := []struct {
		name string
		do   func(hs *harness)
	}{
		{"counting down", func(hs *harness) { hs.wait(time.Second) }},
		{"a new phase", func(hs *harness) { hs.wait(20 * time.Second) }},
		{"waiting to be ready", func(hs *harness) { hs.wait(30 * time.Second) }},
		{"ready", func(hs *harness) { hs.key("space") }},
		{"paused", func(hs *harness) { hs.key("space") }},
		{"resized", func(hs *harness) { hs.send(tea.WindowSizeMsg{Width: 40, Height: 12}) }},
		{"going on", func(hs *harness) { hs.key("space"); hs.wait(time.Second) }},
		{"light background", func(hs *harness) { hs.root.sh.SetDark(false) }},
	}
	hs := newHarness(t, o, 80, 24)
	for _, s := range steps {
		s.do(hs)
		got := hs.root.View().Content // styled: a colour kept from before shows
		kept := hs.root.runner.memo
		hs.root.runner.memo = runnerMemo{}
		if want := hs.root.View().Content; got != want {
			t.Errorf("%s: with the memo\n%q\nafresh\n%q", s.name, got, want)
		}
		hs.root.runner.memo = kept
	}
}
