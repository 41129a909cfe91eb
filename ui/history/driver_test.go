package history

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/internal/uitest"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// t0 is a Sunday evening; its last night is lastNight, the history's today.
var t0 = time.Date(2026, 11, 22, 21, 30, 0, 0, time.UTC)

const lastNight = "2026-11-21"

// firstNight is the first of open's 120 nights.
var firstNight = nightfmt.AddDays(lastNight, -119)

// driver drives a Model as the program would, keeping what it sent the
// root.
type driver struct {
	t    *testing.T
	m    *Model
	hist *uitest.History
	out  []tea.Msg
}

func testContext(w, h int) *screen.Context {
	wind := uitest.Routine()
	wind.Name = routine.DefaultName
	ctx := screen.NewContext(routine.NewFakeClock(t0), night.Settings{Boundary: 12, Checklist: []night.Item{
		{ID: "caffeine", Label: "Caffeine after noon"},
		{ID: "alcohol", Label: "Alcohol"},
	}}, &routine.Library{Routines: []*routine.Routine{wind}})
	ctx.Width, ctx.Height = w, h
	return ctx
}

// open is the browser on 120 generated nights to last night, at w x h.
func open(t *testing.T, w, h int) *driver {
	t.Helper()
	return openOn(t, w, h, &uitest.History{Recs: uitest.GenNights(lastNight, 120, 1)})
}

func openOn(t *testing.T, w, h int, hist *uitest.History) *driver {
	t.Helper()
	d := &driver{t: t, m: New(testContext(w, h), hist, false), hist: hist}
	d.drive(d.m.Init())
	return d
}

func (d *driver) drive(cmd tea.Cmd) {
	_, out := uitest.Drive(d.m, cmd, func(msg tea.Msg) bool { _, ok := msg.(EditMsg); return ok })
	d.out = append(d.out, out...)
}

func (d *driver) send(msg tea.Msg) {
	_, cmd := d.m.Update(msg)
	d.drive(cmd)
}

func (d *driver) keys(ks ...string) {
	for _, k := range ks {
		d.send(uitest.KeyPress(k))
	}
}

func (d *driver) view() string { return ansi.Strip(d.m.View()) }
