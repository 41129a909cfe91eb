package report

import (
	"fmt"
	"sort"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// slot is one night of the period, with its record if it has one.
type slot struct {
	date time.Time
	rec  *night.Record
}

// use is how often one routine was run.
type use struct {
	title  string
	nights int
}

// tally is everything the report counts, gathered in one pass over the
// period's nights.
type tally struct {
	nights []slot
	recs   []night.Record // the nights with a record, in date order

	anyRecord, evenings, withRun, checkins int
	// answered counts evening logs whose checklist was answered; trials
	// the runs at another speed than real time, left out.
	answered, trials int

	status map[routine.Status]int // by each night's main run
	used   map[string]*use        // by routine name
	// lengths is how many steps each routine had, by name and planned
	// length, as its completed runs show.
	lengths map[runKey]int

	// From check-ins; the summary's figures are worked out night by night
	// (perNight).
	onset map[night.Onset]int

	// From evening logs.
	eveSymSum, eveSymN int
	tags               map[string]int
}

// gather lays out the nights from..to and counts what recs hold for them.
// A record outside the period is left out; of two for the same night the
// later one counts.
func gather(from, to time.Time, recs []night.Record) tally {
	byNight := make(map[string]int, len(recs))
	for i, r := range recs {
		byNight[r.Night] = i
	}
	t := tally{
		status: map[routine.Status]int{},
		used:   map[string]*use{},
		onset:  map[night.Onset]int{},
		tags:   map[string]int{},

		lengths: map[runKey]int{},
	}
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		s := slot{date: d}
		if i, ok := byNight[d.Format(night.Layout)]; ok {
			// Trial runs, at another speed than real time, are not
			// nights' routines: the record goes on without them.
			r := recs[i]
			r.Runs = nil
			for _, run := range recs[i].Runs {
				if run.Trial() {
					t.trials++
				} else {
					r.Runs = append(r.Runs, run)
				}
			}
			s.rec = &r
			t.add(r)
		}
		t.nights = append(t.nights, s)
	}
	return t
}

func (t *tally) add(r night.Record) {
	if r.Evening == nil && len(r.Runs) == 0 && r.Checkin == nil && len(r.Events) == 0 {
		return
	}
	t.anyRecord++
	t.recs = append(t.recs, r)
	if e := r.Evening; e != nil {
		t.evenings++
		if e.Symptoms != nil {
			t.eveSymSum += *e.Symptoms
			t.eveSymN++
		}
		if !e.ChecklistSkipped {
			t.answered++
		}
		seen := map[string]bool{}
		for _, id := range e.Tags {
			if e.ChecklistSkipped {
				break
			}
			if !seen[id] {
				seen[id] = true
				t.tags[id]++
			}
		}
	}
	if run := r.MainRun(); run != nil {
		t.withRun++
		t.status[run.Status]++
		seen := map[string]bool{}
		for _, x := range r.Runs {
			if x.Flare {
				continue // a flare-up's, not an evening routine
			}
			if x.Status == routine.Completed {
				t.lengths[runKey{x.Routine, x.Planned}] = len(x.Steps)
			}
			if seen[x.Routine] {
				continue
			}
			seen[x.Routine] = true
			u := t.used[x.Routine]
			if u == nil {
				u = &use{}
				t.used[x.Routine] = u
			}
			u.title = x.Title
			if u.title == "" {
				u.title = x.Routine
			}
			u.nights++
		}
	}
	if c := r.Checkin; c != nil {
		t.checkins++
		t.onset[c.Onset]++
	}
}

// routinesUsed lists the routines run, most nights first: "Evening
// wind-down (9 nights)".
func (t *tally) routinesUsed() []string {
	names := make([]string, 0, len(t.used))
	for name := range t.used {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := t.used[names[i]], t.used[names[j]]
		if a.nights != b.nights {
			return a.nights > b.nights
		}
		return names[i] < names[j]
	})
	out := make([]string, len(names))
	for i, name := range names {
		u := t.used[name]
		out[i] = fmt.Sprintf("%s (%s)", esc(u.title), plural(u.nights, "night", "nights"))
	}
	return out
}

// item is one row of the checklist section.
type item struct {
	id, label string
	kind      night.Kind
	removed   bool
	nights    int
}

// checklist lists the current checklist in its order, then any ids the
// period's records hold that are no longer on it, by id.
func (t *tally) checklist(set night.Settings) []item {
	var out []item
	listed := map[string]bool{}
	for _, it := range set.Checklist {
		listed[it.ID] = true
		out = append(out, item{id: it.ID, label: it.Label, kind: it.KindOrDefault(), nights: t.tags[it.ID]})
	}
	var gone []item
	for id, n := range t.tags {
		if !listed[id] {
			gone = append(gone, item{id: id, label: set.Label(id), kind: night.Trigger, removed: true, nights: n})
		}
	}
	sort.Slice(gone, func(i, j int) bool { return gone[i].id < gone[j].id })
	return append(out, gone...)
}

// runKey names a routine as it was: a changed routine has another planned
// length.
type runKey struct {
	name    string
	planned time.Duration
}

// steps says how many of the run's steps were done out of the routine's
// steps: "4/5". A run lists only the steps that ended, so for one stopped
// early the routine's length comes from a completed run of it in the period;
// with none, it is "3 done".
func (t *tally) steps(run *night.Run) string {
	n := routine.Count(run.Steps)
	total, ok := len(run.Steps), run.Status == routine.Completed
	if !ok {
		total, ok = t.lengths[runKey{run.Routine, run.Planned}]
	}
	if !ok {
		return fmt.Sprintf("%d done", n.Done)
	}
	return fmt.Sprintf("%d/%d", n.Done, total)
}

// statusWord is how the table of nights names a run's outcome.
func statusWord(s routine.Status) string {
	if s == routine.Running {
		return "unfinished"
	}
	return string(s)
}
