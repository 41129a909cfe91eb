package ui

import (
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/internal/uitest"
)

// fakeHistory holds nights in memory; see uitest.History.
type fakeHistory = uitest.History

// diaryHistory keeps recs' evening logs and check-ins in d, and the
// rest in a history that shows d through it.
func diaryHistory(d *fakeDiary, recs []night.Record) *fakeHistory {
	return uitest.Split(d.evenings, d.checkins, recs)
}

// genNights makes n nights ending on last; see uitest.GenNights.
func genNights(last string, n int, seed uint64) []night.Record {
	return uitest.GenNights(last, n, seed)
}
