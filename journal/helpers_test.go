package journal_test

import (
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// testSettings is the checklist and boundary the tests file nights by.
var testSettings = night.Settings{Boundary: 12, Checklist: []night.Item{
	{ID: "caffeine", Label: "Caffeine after noon"}, {ID: "alcohol", Label: "Alcohol"},
}}

// quick is a small routine: two steps of a minute each.
const quick = `title = "Quick"
[[steps]]
title = "Settle"
kind = "hold"
instruction = "Sit."
seconds = 60
[[steps]]
title = "Breathe"
kind = "hold"
instruction = "Slowly."
seconds = 60
`

// newTestJournal is a journal over a fake store whose clock reads at the
// given local time on 23 November 2026.
func newTestJournal(t *testing.T, hour, minute int) (*journal.Journal, *journaltest.Storage, *routine.FakeClock) {
	t.Helper()
	r, err := routine.Parse("quick.toml", []byte(quick))
	if err != nil {
		t.Fatal(err)
	}
	st := journaltest.New()
	clock := routine.NewFakeClock(time.Date(2026, 11, 23, hour, minute, 0, 0, time.UTC))
	lib := &routine.Library{Routines: []*routine.Routine{r}}
	return journal.New(st, journal.Config{Settings: testSettings, Library: lib, Clock: clock}), st, clock
}
