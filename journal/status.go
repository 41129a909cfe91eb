package journal

import (
	"context"
	"fmt"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// MorningFrom is the hour the morning starts: from then until the day
// boundary, last night's check-in is what is due; from the boundary on,
// tonight's wind-down.
const MorningFrom = 4

// Status is where tonight and last night stand, for a shell prompt or a
// status bar.
type Status struct {
	// Tonight is the night now belongs to; WindDown how its routine went,
	// "" when none was run in real time.
	Tonight  string         `json:"tonight"`
	WindDown routine.Status `json:"wind_down"`
	// LastNight is the night a check-in now is about; Checkin is set when
	// it has one.
	LastNight string `json:"last_night"`
	Checkin   bool   `json:"checkin"`
	// Line is the one thing due now, in a few words, or "" when nothing is.
	Line string `json:"line"`
}

// Status reads tonight and last night, and nothing else, so it stays
// quick however long the record.
func (j *Journal) Status(ctx context.Context) (Status, error) {
	tonight, last := j.Tonight(), j.LastNight()
	recs, err := j.st.Nights(ctx, min(tonight, last), max(tonight, last))
	if err != nil {
		return Status{}, fmt.Errorf("status: %w", err)
	}
	return StatusOf(j.Now(), j.set.Boundary, recs), nil
}

// StatusOf is the status at now from the records of tonight and last
// night (others are ignored): with none, as when nothing has been
// recorded yet, everything is still to do.
func StatusOf(now time.Time, boundary int, recs []night.Record) Status {
	s := Status{Tonight: night.Of(now, boundary), LastNight: night.Last(now)}
	for _, r := range recs {
		if r.Night == s.LastNight && r.Checkin != nil {
			s.Checkin = true
		}
		if r.Night == s.Tonight {
			if run := r.MainRun(); run != nil {
				s.WindDown = run.Status
			}
		}
	}
	morning := now.Hour() >= MorningFrom && now.Hour() < boundary
	switch {
	case morning && !s.Checkin:
		s.Line = "check-in for last night missing"
	case morning:
	// A run still marked running may be under way or cut off: either
	// way it is not done yet.
	case s.WindDown != routine.Completed && s.WindDown != routine.Partial:
		s.Line = "wind-down not yet done tonight"
	}
	return s
}
