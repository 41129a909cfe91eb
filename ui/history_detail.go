package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// detailKey scrolls the night, steps to the night before or after with a
// record, and opens its check-in to edit.
func (h *history) detailKey(k tea.KeyPressMsg) tea.Cmd {
	ks := h.keys
	switch {
	case key.Matches(k, ks.edit):
		return h.edit()
	case key.Matches(k, ks.left):
		if d := h.win.older(h.sel, 1, h.first); d != "" {
			h.sel, h.detailTop = d, 0
		}
	case key.Matches(k, ks.right):
		if d := h.win.newer(h.sel, 1, h.last); d != "" {
			h.sel, h.detailTop = d, 0
		}
	default:
		h.detailTop = scroll(k, ks, h.detailTop, h.bodyRoom())
	}
	return nil
}

// edit opens the check-in form for the selected night; saving or leaving
// it comes back here, and Init reads the night again.
func (h *history) edit() tea.Cmd {
	h.editing = h.sel
	m := newMorning(h.sh, h.sel, false)
	m.returnTo(func() tea.Msg { return showMsg{h} })
	return func() tea.Msg { return showMsg{m} }
}

// detailBody is everything recorded for the selected night, scrolled.
func (h *history) detailBody() (title, note string, body []string) {
	lines := h.detailLines()
	room := h.bodyRoom()
	h.detailTop = min(h.detailTop, max(len(lines)-room, 0))
	if h.detailTop+room < len(lines) {
		note = "more ↓"
	}
	return "Night of " + longNightLabel(h.sel), note, lines[h.detailTop:]
}

func (h *history) detailLines() []string {
	st, w := h.sh.styles, h.sh.width
	r := h.win.get(h.sel)
	if r == nil {
		return append([]string{st.Text.Render("Nothing recorded for this night."), ""},
			wrapLines(st.Faint, w, "e adds a morning check-in for it.")...)
	}
	d := detailWriter{st: st, width: w, labelW: 20}
	d.add(h.nightFacts(r, w))
	h.eveningLines(&d, r.Evening)
	if len(r.Runs) == 0 {
		d.section("Routine", "")
		d.add(st.Faint.Render("  none run"))
	}
	for _, run := range r.Runs {
		h.runLines(&d, run)
	}
	h.checkinLines(&d, r.Checkin)
	return d.lines
}

// detailWriter gathers a night's lines: sections, and rows of a label and
// a value that wraps under itself.
type detailWriter struct {
	st            *Styles
	width, labelW int
	lines         []string
}

func (d *detailWriter) add(s ...string) { d.lines = append(d.lines, s...) }

func (d *detailWriter) section(title, note string) {
	if len(d.lines) > 0 {
		d.add("")
	}
	d.add(truncate(d.st.Title.Render(title)+d.st.Faint.Render(note), d.width))
}

// row is a label and a plain value; rowStyled takes a value already
// styled, which must fit on one line.
func (d *detailWriter) row(label, value string) {
	avail := max(d.width-d.labelW, 1)
	for i, l := range wrapLines(d.st.Text, avail, value) {
		if i == 0 {
			d.rowStyled(label, l)
			continue
		}
		d.add(strings.Repeat(" ", d.labelW) + l)
	}
}

func (d *detailWriter) rowStyled(label, value string) {
	head := d.st.Faint.Render(truncate("  "+label, d.labelW-1))
	d.add(truncate(head+strings.Repeat(" ", max(d.labelW-lipgloss.Width(head), 0))+value, d.width))
}

func (h *history) eveningLines(d *detailWriter, e *night.Evening) {
	st := h.sh.styles
	if e == nil {
		d.section("Evening log", "")
		d.add(st.Faint.Render("  none"))
		return
	}
	note := ""
	if !e.At.IsZero() {
		note = " · logged at " + clockText(e.At)
	}
	d.section("Evening log", note)
	if e.Symptoms != nil {
		d.rowStyled("Legs then", h.sh.sevCell(*e.Symptoms)+st.Text.Render(" of 10"))
	} else {
		d.rowStyled("Legs then", st.Faint.Render("not rated"))
	}
	var items []string
	for _, id := range e.Tags {
		items = append(items, h.sh.opts.Settings.Label(id))
	}
	if len(items) == 0 {
		d.rowStyled("Checklist", st.Faint.Render("nothing ticked"))
	} else {
		d.row("Checklist", strings.Join(items, ", "))
	}
	if e.Note != "" {
		d.row("Note", e.Note)
	}
}

func (h *history) runLines(d *detailWriter, run night.Run) {
	st := h.sh.styles
	title := run.Title
	if title == "" {
		title = run.Routine
	}
	d.section(title, "")
	status := string(run.Status)
	if run.Status == routine.Running {
		status = "not ended (cut off, or still running)"
	}
	d.row("Status", status)
	when := clockText(run.StartedAt) + "–"
	if !run.EndedAt.IsZero() {
		when += clockText(run.EndedAt)
	}
	d.row("Time", when)
	t := routine.Count(run.Steps)
	d.row("Steps", fmt.Sprintf("%d of %d done · %s spent", t.Done, h.sh.stepCount(run), routine.FormatDuration(t.Spent)))
	nameW := max(d.width-d.labelW-10, 8)
	for _, s := range run.Steps {
		mark, when := "✓", routine.FormatDuration(s.Actual)
		if s.Status != routine.StepDone {
			mark, when = "–", "skipped"
		}
		d.add(truncate(strings.Repeat(" ", d.labelW-2)+st.Faint.Render(mark+" ")+
			st.Text.Render(fmt.Sprintf("%-*s", nameW, truncate(s.Title, nameW)))+st.Faint.Render(" "+when), d.width))
	}
}

func (h *history) checkinLines(d *detailWriter, c *night.Checkin) {
	st := h.sh.styles
	if c == nil {
		d.section("Morning check-in", "")
		d.add(st.Faint.Render("  none yet · e adds one"))
		return
	}
	note := ""
	if !c.RecordedAt.IsZero() {
		note = " · saved " + c.RecordedAt.Format("Mon 2 Jan 15:04")
	}
	d.section("Morning check-in", note)
	times := func(n int, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + one + "s"
	}
	d.row("Into bed", clockText(c.InBed))
	d.row("Tried to sleep", clockText(c.TriedSleep))
	d.row("Fell asleep after", minutes(c.LatencyMin))
	d.row("Woke", times(c.Awakenings, "time")+", "+minutes(c.AwakeMin)+" awake in all")
	d.row("Last woke", clockText(c.FinalWake))
	d.row("Out of bed", clockText(c.OutOfBed))
	d.row("Sleep quality", scaleWord(qualityWords(), c.Quality))
	d.row("Rested", scaleWord(restedWords(), c.Rested))
	d.rowStyled("Leg symptoms", h.sh.sevCell(c.RLSSeverity)+st.Text.Render(" of 10"))
	d.row("Symptoms started", c.Onset.Label())
	d.row("Got up for legs", times(c.GotUp, "time"))
	if c.Notes != "" {
		d.row("Notes", c.Notes)
	}
	f := c.Figures()
	d.add("")
	d.row("Time in bed", minutes(f.TIB))
	d.row("Total sleep", minutes(f.TST))
	d.row("Sleep efficiency", seText(efficiency(&night.Record{Checkin: c})))
}
