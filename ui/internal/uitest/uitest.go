// Package uitest holds what the ui packages' tests share: a history held
// in memory, generated nights, key presses by name, and Drive, which does
// what Bubble Tea does with a screen's commands.
package uitest

import (
	"context"
	"slices"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// Drive runs cmd, feeds what it sends back to s, and so on until nothing
// is left, as the program would. Messages meant for the root (moving
// between screens, quitting, and any forRoot says) are not fed back but
// returned, in order.
func Drive(s screen.Screen, cmd tea.Cmd, forRoot func(tea.Msg) bool) (screen.Screen, []tea.Msg) {
	var out []tea.Msg
	var run func(tea.Cmd)
	run = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		case tea.QuitMsg, screen.PushMsg, screen.PopMsg, screen.ReplaceMsg:
			out = append(out, msg)
		default:
			if forRoot != nil && forRoot(msg) {
				out = append(out, msg)
				return
			}
			var next tea.Cmd
			s, next = s.Update(msg)
			run(next)
		}
	}
	run(cmd)
	return s, out
}

// namedKeys are the keys tests press by name, as Bubble Tea sends them.
var namedKeys = map[string]tea.KeyPressMsg{
	"space":     {Code: tea.KeySpace, Text: " "},
	"esc":       {Code: tea.KeyEscape},
	"tab":       {Code: tea.KeyTab},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
	"backspace": {Code: tea.KeyBackspace},
	"ctrl+s":    {Code: 's', Mod: tea.ModCtrl},
	"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
	"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
	"enter":     {Code: tea.KeyEnter},
	"right":     {Code: tea.KeyRight},
	"left":      {Code: tea.KeyLeft},
	"down":      {Code: tea.KeyDown},
	"up":        {Code: tea.KeyUp},
	"home":      {Code: tea.KeyHome},
	"end":       {Code: tea.KeyEnd},
	"pgup":      {Code: tea.KeyPgUp},
	"pgdown":    {Code: tea.KeyPgDown},
}

// KeyPress is the key named k, as Bubble Tea would send it; any other
// name is typed as text.
func KeyPress(k string) tea.KeyPressMsg {
	if msg, ok := namedKeys[k]; ok {
		return msg
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// Routine: a two-sided stretch, a massage with a safety note, and 4-6
// breathing. 2:00 in all. See journaltest.Routine.
func Routine() *routine.Routine { return journaltest.Routine() }

// History holds nights in memory, in date order, and filters them by
// range with a binary search: benchmarks measure the screens, not SQL.
type History struct {
	Recs []night.Record
	// Evenings and Checkins, when set, show in the nights too: a fake
	// diary shares them, so a check-in saved through the form reads back.
	Evenings map[string]night.Evening
	Checkins map[string]night.Checkin
	Err      error
	// Settings label the insights' checklist items.
	Settings night.Settings
	// Reads is every range read; Returned counts the nights returned.
	Reads    [][2]string
	Returned int
	// Deleted counts the deletes that deleted something.
	Deleted int
}

// Nights reads the nights in [from, to].
func (f *History) Nights(_ context.Context, from, to string) ([]night.Record, error) {
	f.Reads = append(f.Reads, [2]string{from, to})
	if f.Err != nil {
		return nil, f.Err
	}
	out := f.overlay(slices.Clone(f.span(from, to)), from, to)
	f.Returned += len(out)
	return out, nil
}

func (f *History) span(from, to string) []night.Record {
	lo, hi := 0, len(f.Recs)
	if from != "" {
		lo = sort.Search(len(f.Recs), func(i int) bool { return f.Recs[i].Night >= from })
	}
	if to != "" {
		hi = sort.Search(len(f.Recs), func(i int) bool { return f.Recs[i].Night > to })
	}
	return f.Recs[lo:max(lo, hi)]
}

// overlay puts the evening logs and check-ins in range into recs.
func (f *History) overlay(recs []night.Record, from, to string) []night.Record {
	in := func(d string) bool { return (from == "" || d >= from) && (to == "" || d <= to) }
	at := func(d string) *night.Record {
		i, ok := slices.BinarySearchFunc(recs, d, func(r night.Record, d string) int { return strings.Compare(r.Night, d) })
		if !ok {
			recs = slices.Insert(recs, i, night.Record{Night: d})
		}
		return &recs[i]
	}
	for d, e := range f.Evenings {
		if in(d) {
			at(d).Evening = &e
		}
	}
	for d, c := range f.Checkins {
		if in(d) {
			at(d).Checkin = &c
		}
	}
	return recs
}

// Where names no file: the nights are in memory.
func (f *History) Where() string { return "" }

// PreviewDelete is what DeleteNight would delete.
func (f *History) PreviewDelete(ctx context.Context, date string, part journal.Part) (journal.Deletion, error) {
	recs, err := f.Nights(ctx, date, date)
	d := journal.Deletion{Night: date}
	for _, r := range recs {
		if part.Has(journal.EveningPart) {
			d.Evening = r.Evening
		}
		if part.Has(journal.CheckinPart) {
			d.Checkin = r.Checkin
		}
		if part.Has(journal.RunsPart) {
			d.Runs = r.Runs
		}
	}
	return d, err
}

// DeleteNight deletes part of a night, counting it in Deleted.
func (f *History) DeleteNight(ctx context.Context, date string, part journal.Part) (journal.DeleteResult, error) {
	d, err := f.PreviewDelete(ctx, date, part)
	if err != nil || d.Empty() {
		return journal.DeleteResult{Deleted: d}, err
	}
	f.Delete(date, part.Has(journal.EveningPart), part.Has(journal.CheckinPart), part.Has(journal.RunsPart))
	f.Deleted++
	return journal.DeleteResult{Deleted: d, Backup: "/fake/quietlegs.db.delete.bak"}, nil
}

// Delete removes a night's evening log, check-in or runs, as asked.
func (f *History) Delete(d string, evening, checkin, runs bool) {
	if evening {
		delete(f.Evenings, d)
	}
	if checkin {
		delete(f.Checkins, d)
	}
	i, ok := slices.BinarySearchFunc(f.Recs, d, func(r night.Record, d string) int { return strings.Compare(r.Night, d) })
	if !ok {
		return
	}
	r := &f.Recs[i]
	if evening {
		r.Evening = nil
	}
	if checkin {
		r.Checkin = nil
	}
	if runs {
		r.Runs = nil
	}
	if r.Evening == nil && r.Checkin == nil && len(r.Runs) == 0 {
		f.Recs = slices.Delete(f.Recs, i, i+1)
	}
}

// Insights compares every night, as the journal does.
func (f *History) Insights(ctx context.Context) (insight.Result, error) {
	recs, err := f.Nights(ctx, "", "")
	if err != nil {
		return insight.Result{}, err
	}
	return insight.Compute(recs, f.Settings), nil
}

// NightRange is the first and last night, and how many there are.
func (f *History) NightRange(context.Context) (first, last string, n int, err error) {
	if f.Err != nil {
		return "", "", 0, f.Err
	}
	recs := f.overlay(slices.Clone(f.Recs), "", "")
	if len(recs) == 0 {
		return "", "", 0, nil
	}
	return recs[0].Night, recs[len(recs)-1].Night, len(recs), nil
}

// Split keeps recs' evening logs and check-ins in evenings and checkins,
// and the rest in a History that shows the two maps through it.
func Split(evenings map[string]night.Evening, checkins map[string]night.Checkin, recs []night.Record) *History {
	f := &History{Evenings: evenings, Checkins: checkins}
	for _, r := range recs {
		if r.Evening != nil {
			evenings[r.Night] = *r.Evening
		}
		if r.Checkin != nil {
			checkins[r.Night] = *r.Checkin
		}
		if len(r.Runs) > 0 {
			f.Recs = append(f.Recs, night.Record{Night: r.Night, Runs: r.Runs})
		}
	}
	return f
}

// GenNights makes n nights ending on last; see journaltest.Nights.
func GenNights(last string, n int, seed uint64) []night.Record {
	return journaltest.Nights(last, n, seed)
}
