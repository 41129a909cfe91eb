package history

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/termsafe"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// detail is everything recorded for the selected night, scrolled.
type detail struct {
	ctx  *screen.Context
	n    *nights
	src  Source
	keys detailKeys
	// top is the first line shown.
	top int
	// ask is the question before deleting the night asking; while it is
	// asked it takes every key.
	ask    screen.Confirm
	asking string
	// status says how the last delete went, until the next key; warn
	// marks a failure.
	status string
	warn   bool
}

type detailKeys struct {
	scrollKeys
	left, right, edit, del key.Binding
	editEvening            key.Binding
	otherHelp              key.Binding
}

// newDeleteConfirm is the question before deleting: y deletes, and any
// other key keeps the night (ctrl+c still quits).
func newDeleteConfirm() screen.Confirm {
	return screen.NewConfirm(
		bind([]string{"y"}, "y", "delete"),
		key.NewBinding(key.WithHelp("any other key", "keeps")),
		bind([]string{"ctrl+c"}, "ctrl+c", "quit"))
}

// deletePreviewMsg is what deleting a night would remove, read when d is
// pressed; deletedMsg is how the delete went.
type deletePreviewMsg struct {
	date string
	what journal.Deletion
	err  error
}

type deletedMsg struct {
	date string
	res  journal.DeleteResult
	err  error
}

func newDetailKeys() detailKeys {
	return detailKeys{
		scrollKeys:  newScrollKeys(),
		left:        bind([]string{"left", "h"}, "←/h", "day before"),
		right:       bind([]string{"right", "l"}, "→/l", "day after"),
		edit:        bind([]string{"e"}, "e", "edit check-in"),
		editEvening: bind([]string{"E"}, "E", "edit evening log"),
		del:         bind([]string{"d"}, "d", "delete night"),
		otherHelp:   bind([]string{"left", "right"}, "←/→", "other nights"),
	}
}

// enter reads the night.
func (d *detail) enter() tea.Cmd {
	d.n.win.ensure(d.n.sel, d.n.sel)
	return nil
}

// key scrolls the night, steps to the night before or after with a
// record, and opens its check-in to edit.
func (d *detail) key(k tea.KeyPressMsg) (viewID, tea.Cmd) {
	ks, n := d.keys, d.n
	d.status, d.warn = "", false
	switch {
	case key.Matches(k, ks.del):
		if d.src == nil || n.win.get(n.sel) == nil {
			d.status = "Nothing recorded for this night, so nothing to delete."
			return noView, nil
		}
		src, date := d.src, n.sel
		return noView, func() tea.Msg {
			ctx, cancel := screen.StoreContext()
			defer cancel()
			what, err := src.PreviewDelete(ctx, date, journal.AllParts)
			return deletePreviewMsg{date, what, err}
		}
	case key.Matches(k, ks.edit), key.Matches(k, ks.editEvening):
		// Saving or leaving the form comes back here, and the browser
		// reads the night again.
		n.editing = n.sel
		date, evening := n.sel, key.Matches(k, ks.editEvening)
		return noView, func() tea.Msg { return EditMsg{Night: date, Evening: evening} }
	case key.Matches(k, ks.left):
		if p := n.win.older(n.sel, 1, n.first); p != "" {
			n.sel, d.top = p, 0
		}
	case key.Matches(k, ks.right):
		if p := n.win.newer(n.sel, 1, n.last); p != "" {
			n.sel, d.top = p, 0
		}
	default:
		d.top = ks.scroll(k, d.top, bodyRoom(d.ctx))
	}
	return noView, nil
}

// preview asks before deleting what msg found, if the night is still the
// one shown.
func (d *detail) preview(msg deletePreviewMsg, shown bool) {
	switch {
	case !shown || msg.date != d.n.sel:
	case msg.err != nil:
		d.status, d.warn = "Could not read the night to delete: "+msg.err.Error(), true
	case msg.what.Empty():
		d.status = "Nothing recorded for this night, so nothing to delete."
	default:
		d.ask = newDeleteConfirm()
		d.asking = msg.date
		d.ask.Ask("Delete the night of " + nightfmt.LongLabel(msg.date) + ": " + termsafe.Line(msg.what.String()) + "?")
	}
}

// answer takes a key while the delete question is asked: y deletes
// through the journal (which backs up first), any other key keeps.
func (d *detail) answer(k tea.KeyPressMsg) tea.Cmd {
	switch d.ask.Update(k) {
	case screen.Quit:
		return tea.Quit
	case screen.Yes:
		src, date := d.src, d.asking
		d.asking = ""
		return func() tea.Msg {
			ctx, cancel := screen.StoreContext()
			defer cancel()
			res, err := src.DeleteNight(ctx, date, journal.AllParts)
			return deletedMsg{date, res, err}
		}
	}
	d.ask, d.asking = newDeleteConfirm(), ""
	d.status = "Kept: nothing was deleted."
	return nil
}

// deleted says how the delete went.
func (d *detail) deleted(msg deletedMsg) {
	switch {
	case msg.err != nil:
		d.status, d.warn = "Could not delete: "+msg.err.Error(), true
	case msg.res.Deleted.Empty():
		d.status = "Nothing was left to delete."
	default:
		d.status = "Deleted " + termsafe.Line(msg.res.Deleted.String()) + ". A copy from before is at " +
			termsafe.Line(msg.res.Backup) + "."
	}
}

// fit stops the scrolling at the last line.
func (d *detail) fit() {
	d.top = min(d.top, max(len(d.lines())-bodyRoom(d.ctx), 0))
}

func (d *detail) allKeys() []key.Binding {
	ks := d.keys
	return []key.Binding{ks.edit, ks.editEvening, ks.del, ks.otherHelp, ks.scrollHelp,
		bind([]string{"pgup", "pgdown"}, "pgup/pgdn", "page"), bind([]string{"home", "end"}, "home/end", "top/bottom")}
}

func (d *detail) help() []key.Binding {
	return []key.Binding{d.keys.edit, d.keys.editEvening, d.keys.del, d.keys.otherHelp, d.keys.scrollHelp}
}

// body is the night from the top line.
func (d *detail) body() (title, note string, body []string) {
	lines := d.lines()
	top := min(d.top, len(lines))
	if top+bodyRoom(d.ctx) < len(lines) {
		note = "more ↓"
	}
	return "Night of " + nightfmt.LongLabel(d.n.sel), note, lines[top:]
}

func (d *detail) lines() []string {
	st, w := d.ctx.Styles, d.ctx.Width
	var status []string
	if d.status != "" {
		style := st.Faint
		if d.warn {
			style = st.Warn
		}
		status = append(screen.WrapLines(style, w, d.status), "")
	}
	r := d.n.win.get(d.n.sel)
	if r == nil {
		return append(append(status, st.Text.Render("Nothing recorded for this night."), ""),
			screen.WrapLines(st.Faint, w, "e adds a morning check-in for it, E an evening log.")...)
	}
	dw := detailWriter{st: st, width: w, labelW: 20, lines: status}
	dw.add(nightFacts(st, r, w))
	d.eveningLines(&dw, r.Evening)
	takenLines(&dw, r.Taken)
	if len(r.Runs) == 0 {
		dw.section("Routine", "")
		dw.add(st.Faint.Render("  none run"))
	}
	for _, run := range r.Runs {
		d.runLines(&dw, run)
	}
	eventLines(&dw, r.Events)
	checkinLines(&dw, r.Checkin)
	return dw.lines
}

// detailWriter gathers a night's lines: sections, and rows of a label and
// a value that wraps under itself.
type detailWriter struct {
	st            *screen.Styles
	width, labelW int
	lines         []string
}

func (d *detailWriter) add(s ...string) { d.lines = append(d.lines, s...) }

func (d *detailWriter) section(title, note string) {
	if len(d.lines) > 0 {
		d.add("")
	}
	if ansi.StringWidth(title+note) <= d.width || note == "" {
		d.add(screen.Truncate(d.st.Title.Render(title)+d.st.Faint.Render(note), d.width))
		return
	}
	// On a narrow screen the note goes under the title, whole.
	d.add(screen.Truncate(d.st.Title.Render(title), d.width))
	for _, l := range screen.WrapLines(d.st.Faint, d.width-2, strings.TrimPrefix(note, " · ")) {
		d.add("  " + l)
	}
}

// part starts the section of a part of the night (its evening log, its
// check-in) and reports whether the night has it; without, it says none.
func (d *detailWriter) part(title string, present bool, note, none string) bool {
	if !present {
		d.section(title, "")
		d.add(d.st.Faint.Render("  " + none))
		return false
	}
	d.section(title, note)
	return true
}

// row is a label and a plain value; rowStyled takes a value already
// styled, which must fit on one line.
func (d *detailWriter) row(label, value string) {
	avail := max(d.width-d.labelW, 1)
	for i, l := range screen.WrapLines(d.st.Text, avail, value) {
		if i == 0 {
			d.rowStyled(label, l)
			continue
		}
		d.add(strings.Repeat(" ", d.labelW) + l)
	}
}

func (d *detailWriter) rowStyled(label, value string) {
	head := d.st.Faint.Render(screen.Truncate("  "+label, d.labelW-1))
	d.add(screen.Truncate(head+screen.Pad(d.labelW, head)+value, d.width))
}

func (dt *detail) eveningLines(d *detailWriter, e *night.Evening) {
	st := d.st
	var at string
	if e != nil && !e.At.IsZero() {
		at = " · logged " + e.At.Format("Mon 2 Jan") + " " + nightfmt.Clock(e.At)
	}
	if !d.part("Evening log", e != nil, at, "none · E adds one") {
		return
	}
	if e.Symptoms != nil {
		d.rowStyled("Legs then", nightfmt.SevCell(st, *e.Symptoms)+st.Text.Render(" of 10"))
	} else {
		d.rowStyled("Legs then", st.Faint.Render("not rated"))
	}
	var items []string
	for _, id := range e.Tags {
		items = append(items, dt.ctx.Settings.Label(id))
	}
	if len(items) == 0 {
		d.rowStyled("Checklist", st.Faint.Render("nothing ticked"))
	} else {
		d.row("Checklist", strings.Join(items, ", "))
	}
	roomLines(d, e, dt.ctx.Settings)
	if e.Note != "" {
		d.row("Note", termsafe.String(e.Note))
	}
}

func (dt *detail) runLines(d *detailWriter, run night.Run) {
	st := d.st
	title := termsafe.Line(run.Title)
	if title == "" {
		title = termsafe.Line(run.Routine)
	}
	note := ""
	switch {
	case run.Flare:
		note = " · for a flare-up, not the evening routine"
	case run.Trial():
		note = fmt.Sprintf(" · trial at %g× speed, not counted", run.Speed)
	}
	d.section(title, note)
	status := string(run.Status)
	if run.Status == routine.Running {
		status = "not ended (cut off, or still running)"
	}
	d.row("Status", status)
	when := nightfmt.Clock(run.StartedAt) + "–"
	if !run.EndedAt.IsZero() {
		when += nightfmt.Clock(run.EndedAt)
	}
	d.row("Time", when)
	t := routine.Count(run.Steps)
	d.row("Steps", fmt.Sprintf("%d of %d done · %s spent", t.Done, nightfmt.StepCount(dt.ctx.Library, run), routine.FormatDuration(t.Spent)))
	// Each step: a mark, its title and how it went ("4:00", "cut short at
	// 3:12"), under the values; where that leaves a title too little room,
	// nearer the edge.
	whenW := 0
	for _, s := range run.Steps {
		whenW = max(whenW, ansi.StringWidth(routine.StepOutcome(s)))
	}
	indent := d.labelW - 2
	nameW := min(d.width-indent-3-whenW, d.width-d.labelW-21) // room for "cut short at 12:34"
	if nameW < 16 {
		indent = 4
		nameW = max(d.width-indent-3-whenW, 8)
	}
	for _, s := range run.Steps {
		mark, when := "✓", routine.StepOutcome(s)
		if s.Status != routine.StepDone {
			mark = "–"
		}
		d.add(screen.Truncate(strings.Repeat(" ", indent)+st.Faint.Render(mark+" ")+
			st.Text.Render(fmt.Sprintf("%-*s", nameW, screen.Truncate(termsafe.Line(s.Title), nameW)))+st.Faint.Render(" "+when), d.width))
	}
}

func checkinLines(d *detailWriter, c *night.Checkin) {
	st := d.st
	var at string
	if c != nil && !c.RecordedAt.IsZero() {
		at = " · saved " + c.RecordedAt.Format("Mon 2 Jan 15:04")
	}
	if !d.part("Morning check-in", c != nil, at, "none yet · e adds one") {
		return
	}
	times := func(n int, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + one + "s"
	}
	d.row("Into bed", nightfmt.Clock(c.InBed))
	d.row("Tried to sleep", nightfmt.Clock(c.TriedSleep))
	d.row("Fell asleep after", night.FormatMinutes(c.LatencyMin))
	d.row("Woke", times(c.Awakenings, "time")+", "+night.FormatMinutes(c.AwakeMin)+" awake in all")
	d.row("Last woke", nightfmt.Clock(c.FinalWake))
	d.row("Out of bed", nightfmt.Clock(c.OutOfBed))
	d.row("Sleep quality", nightfmt.ScaleWord(nightfmt.QualityWords(), c.Quality))
	d.row("Rested", nightfmt.ScaleWord(nightfmt.RestedWords(), c.Rested))
	d.rowStyled("Leg symptoms", nightfmt.SevCell(st, c.RLSSeverity)+st.Text.Render(" of 10"))
	d.row("Symptoms started", c.Onset.Label())
	d.row("Got up for legs", times(c.GotUp, "time"))
	legLines(d, c)
	if c.Notes != "" {
		d.row("Notes", termsafe.String(c.Notes))
	}
	f := c.Figures()
	d.add("")
	d.row("Time in bed", night.FormatMinutes(f.TIB))
	d.row("Total sleep", night.FormatMinutes(f.TST))
	d.row("Sleep efficiency", nightfmt.SEText(nightfmt.Efficiency(&night.Record{Checkin: c})))
}
