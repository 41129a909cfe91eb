package journal_test

import (
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

func TestStatusSaysWhatIsDueNow(t *testing.T) {
	at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, time.UTC) }
	checkin := func(date string) night.Record { return night.Record{Night: date, Checkin: &night.Checkin{Night: date}} }
	ran := func(date string, s routine.Status, speed float64) night.Record {
		return night.Record{Night: date, Runs: []night.Run{{Status: s, Speed: speed}}}
	}
	tests := []struct {
		name string
		now  time.Time
		recs []night.Record
		want string
	}{
		{"morning, no check-in", at(22, 7), nil, "check-in for last night missing"},
		{"morning, checked in", at(22, 7), []night.Record{checkin("2026-11-21")}, ""},
		{"small hours are still tonight", at(22, 2), nil, "wind-down not yet done tonight"},
		{"evening, nothing run", at(22, 21), []night.Record{checkin("2026-11-21")}, "wind-down not yet done tonight"},
		{"evening, done", at(22, 21), []night.Record{ran("2026-11-22", routine.Completed, 1)}, ""},
		{"evening, partly done", at(22, 21), []night.Record{ran("2026-11-22", routine.Partial, 1)}, ""},
		{"evening, a trial run is not the routine", at(22, 21), []night.Record{ran("2026-11-22", routine.Completed, 60)},
			"wind-down not yet done tonight"},
		{"evening, cut off", at(22, 21), []night.Record{ran("2026-11-22", routine.Running, 1)}, "wind-down not yet done tonight"},
		{"after midnight, done before it", at(23, 1), []night.Record{ran("2026-11-22", routine.Completed, 1)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := journal.StatusOf(tt.now, 12, tt.recs).Line; got != tt.want {
				t.Errorf("at %s: %q, want %q", tt.now.Format("Mon 15:04"), got, tt.want)
			}
		})
	}
}
