package routine

import (
	"sync"
	"time"
)

// Reading is one look at the time: the wall clock for records and a
// monotonic reading for measuring. They drift apart when the computer
// sleeps or the clock is changed, which is how the Engine notices both.
type Reading struct {
	Wall time.Time
	Mono time.Duration
}

// Clock tells the time. The Engine never reads time any other way.
type Clock interface {
	Now() Reading
}

// SystemClock reads the real clocks.
func SystemClock() Clock { return systemClock{base: time.Now()} }

type systemClock struct{ base time.Time }

func (c systemClock) Now() Reading {
	now := time.Now()
	// Sub between two readings that both carry a monotonic part uses it;
	// Round(0) strips it from the wall time kept for records.
	return Reading{Wall: now.Round(0), Mono: now.Sub(c.base)}
}

// FakeClock is a Clock moved by hand, for tests and demos.
type FakeClock struct {
	mu  sync.Mutex
	now Reading
}

// NewFakeClock returns a clock stopped at start.
func NewFakeClock(start time.Time) *FakeClock {
	return &FakeClock{now: Reading{Wall: start}}
}

// Now returns the current fake reading.
func (c *FakeClock) Now() Reading {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves both clocks forward by d, as ordinary time passing.
func (c *FakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now.Wall = c.now.Wall.Add(d)
	c.now.Mono += d
}

// Jump moves only the wall clock, as a suspend or a clock change does.
func (c *FakeClock) Jump(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now.Wall = c.now.Wall.Add(d)
}
