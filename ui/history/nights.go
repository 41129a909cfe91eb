package history

import (
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// nights is what the views share: which nights have records, the ones
// read, and the night selected.
type nights struct {
	// first and last are the first and last nights with a record, count
	// how many have one; rangeErr is why they could not be read.
	first, last string
	count       int
	rangeErr    error
	// today is last night: the calendar goes no further unless the record
	// does.
	today string
	win   nightWindow
	// sel is the selected night, shared by the calendar, table and detail.
	sel string
	// editing is the night whose check-in or evening log is open in a form.
	editing string
}

// rangeMsg is which nights have records. first is set for the read when
// the browser opens, which then shows the calendar.
type rangeMsg struct {
	first, last string
	count       int
	err         error
	opening     bool
}

// reloadedMsg is one night read again, after its check-in was edited.
type reloadedMsg struct {
	date string
	recs []night.Record
	err  error
}

// readRange reads which nights have records.
func (m *Model) readRange(opening bool) tea.Cmd {
	src := m.src
	if src == nil {
		return nil
	}
	return func() tea.Msg {
		ctx, cancel := screen.StoreContext()
		defer cancel()
		first, last, n, err := src.NightRange(ctx)
		return rangeMsg{first, last, n, err, opening}
	}
}

func (m *Model) receiveRange(msg rangeMsg) tea.Cmd {
	m.n.first, m.n.last, m.n.count, m.n.rangeErr = msg.first, msg.last, msg.count, msg.err
	if !msg.opening {
		return nil
	}
	m.ready = true
	return m.next()
}

// calendarBounds are the days the calendar reaches: from the month of the
// first record to last night, or to the last record if that is later.
func (n *nights) calendarBounds() (lo, hi string) {
	lo, hi = nightfmt.MonthStart(n.today), n.today
	if n.first != "" {
		lo, hi = min(lo, nightfmt.MonthStart(n.first)), max(hi, n.last)
	}
	return lo, hi
}

// toRecord moves the selection onto a night with a record (the nearest
// earlier one, else the nearest later one).
func (n *nights) toRecord() {
	n.sel = min(max(n.sel, n.first), n.last)
	n.win.ensure(n.sel, n.sel)
	if n.win.get(n.sel) == nil {
		if d := n.win.older(n.sel, 1, n.first); d != "" {
			n.sel = d
		} else if d := n.win.newer(n.sel, 1, n.last); d != "" {
			n.sel = d
		}
	}
}
