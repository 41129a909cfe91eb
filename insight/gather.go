// What Compute keeps of each night as the nights are read, and how it
// lays them out night by night.

package insight

import (
	"math"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// facts is what Compute needs from one record, read once.
type facts struct {
	answered, hasCheckin, hasEff, completed bool
	tags                                    []string
	sym, eff                                float64
	week                                    int // days since an epoch Monday, / 7
	// hasTemp is set when the evening log gives the bedroom's temp, in °C.
	hasTemp bool
	temp    float64
}

// gathered is what Compute keeps of the nights: each one's facts, in the
// order read, and every checklist id found in them.
type gathered struct {
	nights      []datedFacts
	first, last time.Time
	tags        map[string]bool
	// events are every night's flare-ups, for what helped: few, and
	// small.
	events []night.Event
}

type datedFacts struct {
	date time.Time
	facts
}

// add keeps r's facts; a night with nothing recorded, or no date, is left
// out.
func (g *gathered) add(r night.Record) {
	if e := r.Evening; e != nil {
		for _, t := range e.Tags {
			if g.tags == nil {
				g.tags = map[string]bool{}
			}
			g.tags[t] = true
		}
	}
	d, err := time.Parse(night.Layout, r.Night)
	if err != nil || (r.Evening == nil && r.Checkin == nil && len(r.Runs) == 0 && len(r.Events) == 0) {
		return
	}
	g.events = append(g.events, r.Events...)
	if g.first.IsZero() || d.Before(g.first) {
		g.first = d
	}
	if d.After(g.last) {
		g.last = d
	}
	f := facts{week: weekOf(d)}
	if e := r.Evening; e != nil && !e.ChecklistSkipped {
		f.answered, f.tags = true, e.Tags
	}
	if e := r.Evening; e != nil && e.RoomTempC != nil {
		f.hasTemp, f.temp = true, *e.RoomTempC
	}
	if c := r.Checkin; c != nil {
		f.hasCheckin = true
		f.sym = float64(c.RLSSeverity)
		if fig := c.Figures(); fig.TIB > 0 {
			f.hasEff, f.eff = true, fig.SE
		}
	}
	if run := r.MainRun(); run != nil && run.Status == routine.Completed {
		f.completed = true
	}
	g.nights = append(g.nights, datedFacts{d, f})
}

// layout puts the nights into one slot a night from the first night to
// the last; a night without a record is nil.
func (g *gathered) layout() ([]*facts, time.Time, time.Time) {
	if g.first.IsZero() {
		return nil, g.first, g.last
	}
	n := int(g.last.Sub(g.first).Hours()/24+0.5) + 1
	days := make([]*facts, n)
	store := make([]facts, n)
	for _, nf := range g.nights {
		k := int(nf.date.Sub(g.first).Hours()/24 + 0.5)
		store[k] = nf.facts
		days[k] = &store[k]
	}
	return days, g.first, g.last
}

// weekOf numbers the Monday-to-Sunday week a night falls in.
func weekOf(d time.Time) int {
	// 1 January 2001 was a Monday.
	return int(math.Floor(d.Sub(time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24 / 7))
}
