package history

import (
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/ui/internal/uitest"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
	"github.com/quietlegs/quietlegs/ui/screen"
)

func TestHistoryViewKeys(t *testing.T) {
	tests := []struct {
		keys  []string
		view  viewID
		title string
	}{
		{nil, calendarView, "November 2026"},
		{[]string{"2"}, tableView, "Nights, newest first"},
		{[]string{"3"}, nightView, "Night of Sat 21 Nov 2026"},
		{[]string{"4"}, trendsView, "Last 30 nights, to Sat 21 Nov"},
		{[]string{"4", "r"}, trendsView, "Last 90 nights"},
		{[]string{"4", "r", "r"}, trendsView, "Last 30 nights"},
		{[]string{"5"}, insightsView, "What goes with your nights"},
		{[]string{"i"}, insightsView, "What goes with your nights"},
		{[]string{"tab"}, tableView, "Nights, newest first"},
		{[]string{"shift+tab"}, insightsView, "What goes with your nights"},
		{[]string{"5", "tab"}, calendarView, "November 2026"},
		{[]string{"2", "1"}, calendarView, "November 2026"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			d := open(t, 80, 24)
			d.keys(tt.keys...)
			if v := d.m.view; v != tt.view {
				t.Errorf("view %s, want %s", v.name(), tt.view.name())
			}
			if v := d.view(); !strings.Contains(v, tt.title) {
				t.Errorf("view lacks %q:\n%s", tt.title, v)
			}
		})
	}
}

func TestHistoryCalendarKeys(t *testing.T) {
	tests := []struct {
		keys  []string
		sel   string
		month string
	}{
		{[]string{"left"}, "2026-11-20", "November 2026"},
		{[]string{"h"}, "2026-11-20", "November 2026"},
		{[]string{"right"}, lastNight, "November 2026"}, // not past last night
		{[]string{"up"}, "2026-11-14", "November 2026"},
		{[]string{"k", "j"}, lastNight, "November 2026"},
		{[]string{"left", "l"}, lastNight, "November 2026"},
		{[]string{"["}, "2026-10-21", "October 2026"},
		{[]string{"pgup"}, "2026-10-21", "October 2026"},
		{[]string{"[", "]"}, lastNight, "November 2026"},
		{[]string{"end"}, firstNight, "July 2026"},
		{[]string{"end", "home"}, lastNight, "November 2026"},
		{[]string{"[", "[", "[", "[", "[", "[", "["}, "2026-07-01", "July 2026"}, // not before the first month
		{strings.Split(strings.Repeat("left,", 21), ",")[:21], "2026-10-31", "October 2026"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			d := open(t, 80, 24)
			d.keys(tt.keys...)
			if d.m.n.sel != tt.sel {
				t.Errorf("selected %s, want %s", d.m.n.sel, tt.sel)
			}
			v := d.view()
			if !strings.Contains(v, tt.month) || !strings.Contains(v, nightfmt.LongLabel(tt.sel)) {
				t.Errorf("view lacks %q or the selected night:\n%s", tt.month, v)
			}
			if w := d.m.n.win; !w.covers(nightfmt.MonthStart(tt.sel), nightfmt.MonthEnd(tt.sel)) {
				t.Errorf("the month on screen was not read: window %s to %s", w.lo, w.hi)
			}
		})
	}
}

func TestHistoryTableKeys(t *testing.T) {
	var newest []string // the nights with records, newest first
	recs := uitest.GenNights(lastNight, 120, 1)
	for i := len(recs) - 1; i >= 0; i-- {
		newest = append(newest, recs[i].Night)
	}
	room := 20 // 24 lines less tabs, title, headings and help
	tests := []struct {
		keys []string
		sel  string
	}{
		{[]string{"2"}, newest[0]},
		{[]string{"2", "down"}, newest[1]},
		{[]string{"2", "j", "j", "k"}, newest[1]},
		{[]string{"2", "up"}, newest[0]},
		{[]string{"2", "pgdown"}, newest[room]},
		{[]string{"2", "pgdown", "pgdown", "pgup"}, newest[room]},
		{[]string{"2", "end"}, newest[len(newest)-1]},
		{[]string{"2", "end", "up"}, newest[len(newest)-2]},
		{[]string{"2", "end", "home"}, newest[0]},
		{[]string{"up", "2"}, "2026-11-13"}, // from a night with no record to the one before it
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			d := open(t, 80, 24)
			d.keys(tt.keys...)
			if got := d.m.n.sel; got != tt.sel {
				t.Errorf("selected %s, want %s", got, tt.sel)
			}
			v := d.view()
			if !strings.Contains(v, "› "+nightfmt.LongLabel(tt.sel)) {
				t.Errorf("the selected night is not on screen:\n%s", v)
			}
			if rows := strings.Count(v, "2026  "); rows != room {
				t.Errorf("%d nights on screen, want a full page of %d:\n%s", rows, room, v)
			}
			d.keys("enter")
			if d.m.view != nightView || !strings.Contains(d.view(), "Night of "+nightfmt.LongLabel(tt.sel)) {
				t.Errorf("enter did not open the night:\n%s", d.view())
			}
			d.keys("esc")
			if d.m.view != tableView {
				t.Errorf("esc from the night went to %s, not back to the table", d.m.view.name())
			}
		})
	}
}

func TestHistoryDetailKeys(t *testing.T) {
	tests := []struct {
		keys []string
		sel  string
		top  int
	}{
		{[]string{"3", "left"}, "2026-11-20", 0},
		{[]string{"3", "left", "right"}, lastNight, 0},
		{[]string{"3", "right"}, lastNight, 0}, // no later night
		{[]string{"up", "3", "left"}, "2026-11-13", 0},
		{[]string{"3", "down", "down"}, lastNight, 2},
		{[]string{"3", "down", "down", "up"}, lastNight, 1},
		{[]string{"3", "pgdown", "home"}, lastNight, 0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			d := open(t, 80, 24)
			d.keys(tt.keys...)
			if d.m.n.sel != tt.sel || d.m.detail.top != tt.top {
				t.Errorf("night %s scrolled %d, want %s scrolled %d", d.m.n.sel, d.m.detail.top, tt.sel, tt.top)
			}
		})
	}
	d := open(t, 80, 24)
	d.keys("3", "end")
	if v := d.view(); !strings.Contains(v, "Sleep efficiency") || strings.Contains(v, "more ↓") {
		t.Errorf("end did not scroll to the bottom:\n%s", v)
	}
}

// TestHistoryWorksOutInBackground shows the first frame before the
// insights and trends are read, and them once the command has run; a
// result from before an edit is dropped.
func TestHistoryWorksOutInBackground(t *testing.T) {
	tests := []struct {
		key, waiting, ready string
	}{
		{"5", "working it out…", "Insights from 107 nights"},
		{"4", "reading your nights…", "7-night"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			d := open(t, 80, 24)
			_, cmd := d.m.Update(uitest.KeyPress(tt.key))
			if cmd == nil {
				t.Fatal("no command to work it out")
			}
			if v := d.view(); !strings.Contains(v, tt.waiting) {
				t.Errorf("first frame lacks %q:\n%s", tt.waiting, v)
			}
			msg := cmd()
			d.m.trends.reset()
			d.m.insights.reset()
			d.send(msg)
			if v := d.view(); !strings.Contains(v, tt.waiting) {
				t.Errorf("a stale result was shown:\n%s", v)
			}
			d.drive(d.m.tabs[d.m.view].enter())
			if v := d.view(); !strings.Contains(v, tt.ready) {
				t.Errorf("worked out, the view lacks %q:\n%s", tt.ready, v)
			}
		})
	}
}

// TestHistoryKeysWaitForReads presses keys while the nights they need
// are on their way: the screen stays as it was, and once the reads come
// back every key is done, in order.
func TestHistoryKeysWaitForReads(t *testing.T) {
	d := open(t, 80, 24)
	_, cmd := d.m.Update(uitest.KeyPress("2"))
	if d.m.view != calendarView || cmd == nil {
		t.Fatalf("the table's page was not read in the background (view %s)", d.m.view.name())
	}
	for _, k := range []string{"down", "down"} {
		if _, c := d.m.Update(uitest.KeyPress(k)); c != nil {
			t.Errorf("%s while waiting started a command of its own", k)
		}
	}
	d.drive(cmd)
	if d.m.view != tableView || d.m.n.sel != "2026-11-19" {
		t.Errorf("after the reads: %s on %s, want the table on 2026-11-19", d.m.view.name(), d.m.n.sel)
	}
}

// TestHistoryEditAsksTheRoot: e on a night asks the root for the form,
// and back from it the night is read again.
func TestHistoryEditAsksTheRoot(t *testing.T) {
	d := open(t, 80, 24)
	d.keys("3", "e")
	if len(d.out) != 1 || d.out[0] != (EditMsg{Night: lastNight}) {
		t.Fatalf("e sent %v, want an EditMsg for %s", d.out, lastNight)
	}
	reads := len(d.hist.Reads)
	d.send(screen.RevealedMsg{})
	if got := d.hist.Reads[reads:]; len(got) != 1 || got[0] != [2]string{lastNight, lastNight} {
		t.Errorf("back from the form read %v, want the night", got)
	}
}
