package ui

import (
	"context"
	"fmt"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
)

// Saver is the part of the store that a run writes to.
type Saver interface {
	StartSession(context.Context, store.NewSession) (int64, error)
	Checkpoint(context.Context, int64, store.Checkpoint) error
}

// Recorder saves a run as it goes: once at the start and then at every
// transition, each save one transaction. A failed save is kept as Err and
// tried again at the next transition, so a storage hiccup never stops the
// routine and, once storage is back, the record catches up whole.
type Recorder struct {
	saver    Saver
	boundary int
	id       int64
	// Err is the last save's error, nil once a save succeeds.
	Err error
}

// NewRecorder records runs to s, filing them by night with the given
// day-boundary hour. A nil s records nothing.
func NewRecorder(s Saver, boundary int) *Recorder {
	return &Recorder{saver: s, boundary: boundary}
}

// ContinueRecorder records to the stored session id, as when a run that was
// cut off is resumed: it starts no new session, and the record carries on
// from where it stopped. A nil s records nothing.
func ContinueRecorder(s Saver, boundary int, id int64) *Recorder {
	return &Recorder{saver: s, boundary: boundary, id: id}
}

// Save writes the run's state now.
func (r *Recorder) Save(e *routine.Engine) error {
	if r == nil || r.saver == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if r.id == 0 {
		rt := e.Routine()
		start := e.StartedAt()
		id, err := r.saver.StartSession(ctx, store.NewSession{
			Routine:      rt.Name,
			RoutineTitle: rt.DisplayTitle(),
			Night:        night.Of(start, r.boundary),
			StartedAt:    start,
			Speed:        e.Speed(),
			Planned:      rt.Duration(),
		})
		if err != nil {
			r.Err = fmt.Errorf("save routine start: %w", err)
			return r.Err
		}
		r.id = id
	}
	snap := e.Snapshot()
	err := r.saver.Checkpoint(ctx, r.id, store.Checkpoint{
		Steps:          e.Results(),
		CurrentStep:    snap.Step,
		CurrentElapsed: snap.StepPosition,
		Status:         e.Status(),
		EndedAt:        e.EndedAt(),
	})
	if err != nil {
		r.Err = fmt.Errorf("save routine progress: %w", err)
		return r.Err
	}
	r.Err = nil
	return nil
}

// SessionID is the stored session's id, or 0 before the first good save.
func (r *Recorder) SessionID() int64 { return r.id }
