package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/night"
)

// The history browser needs more room than other screens; below this it
// says so.
const (
	historyMinWidth  = 40
	historyMinHeight = 12
)

// historyView is one of the browser's views.
type historyView int

const (
	calendarView historyView = iota
	tableView
	nightView
	trendsView
	insightsView
	viewCount
)

func (v historyView) name() string {
	return [...]string{"Calendar", "Table", "Night", "Trends", "Insights"}[v]
}

// showMsg asks the root to show a screen: the check-in form opened from
// a night, and the history again when the form is done.
type showMsg struct{ s screen }

type openHistoryMsg struct{}

func openHistory() tea.Msg { return openHistoryMsg{} }

// history browses the record night by night. It reads only the dates on
// screen and a page around them; the trends and insights, which need
// more, are read in the background.
type history struct {
	sh       *shared
	keys     historyKeys
	fromHome bool

	view historyView
	// back is the view the night's detail returns to.
	back historyView

	// first and last are the first and last nights with a record, count
	// how many have one; rangeErr is why they could not be read.
	first, last string
	count       int
	rangeErr    error
	// today is last night: the calendar goes no further unless the record
	// does.
	today string

	win nightWindow
	// sel is the selected night, shared by the calendar, table and detail.
	sel string
	// tableTop is the night on the table's top row; detailTop and
	// insightsTop are lines scrolled.
	tableTop               string
	detailTop, insightsTop int

	trends   trendsState
	insights insightsState
	// editing is the night whose check-in is open in the form.
	editing string
}

func newHistory(sh *shared, fromHome bool) *history {
	h := &history{sh: sh, keys: newHistoryKeys(fromHome), fromHome: fromHome,
		today: night.Last(sh.now()), win: nightWindow{src: sh.opts.History}}
	h.trends.days = 30
	h.readRange()
	h.sel = h.today
	if h.last != "" && h.last < h.today {
		h.sel = h.last
	}
	h.show(calendarView)
	return h
}

// readRange reads which nights have records.
func (h *history) readRange() {
	src := h.sh.opts.History
	if src == nil {
		return
	}
	ctx, cancel := diaryCtx()
	defer cancel()
	h.first, h.last, h.count, h.rangeErr = src.NightRange(ctx)
}

// Init starts what the view needs in the background. Back from the
// check-in form, it first reads the edited night again; the trends and
// insights are worked out afresh.
func (h *history) Init() tea.Cmd {
	if h.editing != "" {
		h.readRange()
		h.win.reload(h.editing)
		h.editing = ""
		h.trends.reset()
		h.insights.reset()
	}
	return h.load()
}

// load starts reading what the trends or insights view needs.
func (h *history) load() tea.Cmd {
	switch h.view {
	case trendsView:
		return h.trends.load(h.sh.opts.History, h.trendsEnd())
	case insightsView:
		return h.insights.load(h.sh.opts.History, h.sh.opts.Settings)
	}
	return nil
}

// show switches to view v and reads what it needs.
func (h *history) show(v historyView) tea.Cmd {
	if v == nightView && h.view != nightView {
		h.back, h.detailTop = h.view, 0
	}
	h.view = v
	switch v {
	case calendarView:
		h.win.ensure(monthStart(h.sel), monthEnd(h.sel))
	case tableView:
		h.toRecord()
	case nightView:
		h.win.ensure(h.sel, h.sel)
	}
	return h.load()
}

func (h *history) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case trendsMsg:
		h.trends.receive(msg)
	case insightsMsg:
		h.insights.receive(msg)
	case tea.KeyPressMsg:
		return h, h.key(msg)
	}
	return h, nil
}

func (h *history) key(k tea.KeyPressMsg) tea.Cmd {
	ks := h.keys
	switch {
	case key.Matches(k, ks.quit):
		return tea.Quit
	case key.Matches(k, ks.back):
		if h.view == nightView {
			return h.show(h.back)
		}
		if h.fromHome {
			return openHome
		}
		return tea.Quit
	case key.Matches(k, ks.next):
		return h.show((h.view + 1) % viewCount)
	case key.Matches(k, ks.prev):
		return h.show((h.view + viewCount - 1) % viewCount)
	case key.Matches(k, ks.insights):
		return h.show(insightsView)
	}
	for v, b := range ks.views {
		if key.Matches(k, b) {
			return h.show(historyView(v))
		}
	}
	switch h.view {
	case calendarView:
		return h.calendarKey(k)
	case tableView:
		return h.tableKey(k)
	case nightView:
		return h.detailKey(k)
	case trendsView:
		if key.Matches(k, ks.span) {
			h.trends.days = 120 - h.trends.days // 30 ↔ 90
		}
	case insightsView:
		h.insightsTop = scroll(k, ks, h.insightsTop, h.bodyRoom())
	}
	return nil
}

// scroll moves a scrolled view's top line by the keys; the view clamps it.
func scroll(k tea.KeyPressMsg, ks historyKeys, top, page int) int {
	switch {
	case key.Matches(k, ks.up):
		top--
	case key.Matches(k, ks.down):
		top++
	case key.Matches(k, ks.pgUp):
		top -= page
	case key.Matches(k, ks.pgDown):
		top += page
	case key.Matches(k, ks.home):
		top = 0
	case key.Matches(k, ks.end):
		top = 1 << 30
	}
	return max(top, 0)
}

// bodyRoom is the lines a view has under the tabs and its title line,
// above the help line.
func (h *history) bodyRoom() int { return max(h.sh.height-3, 1) }

func (h *history) View() string {
	st, w := h.sh.styles, h.sh.width
	if w < historyMinWidth || h.sh.height < historyMinHeight {
		return layout(h.sh.height, wrap(st.Warn, w, "Terminal too small for history"),
			wrap(st.Faint, w, "40x12 at least · q quit"))
	}
	var title, note string
	var body []string
	switch h.view {
	case calendarView:
		title, note, body = h.calendarBody()
	case tableView:
		title, note, body = h.tableBody()
	case nightView:
		title, note, body = h.detailBody()
	case trendsView:
		title, note, body = h.trendsBody()
	case insightsView:
		title, note, body = h.insightsBody()
	}
	head := []string{h.tabs(), header(st, w, title, note)}
	if h.rangeErr != nil || h.win.err != nil {
		head = append(head, h.readProblem())
	}
	return layout(h.sh.height, strings.Join(append(head, body...), "\n"), h.help())
}

// readProblem says why nights could not be read, on one line.
func (h *history) readProblem() string {
	err := h.win.err
	if err == nil {
		err = h.rangeErr
	}
	return truncate(h.sh.styles.Warn.Render("⚠ could not read your nights: "+err.Error()), h.sh.width)
}

// tabs is the views by number, the current one in brackets (so it shows
// without colour too); named in full where they fit.
func (h *history) tabs() string {
	st, w := h.sh.styles, h.sh.width
	build := func(named bool) string {
		parts := []string{st.Title.Render("History")}
		for v := range viewCount {
			n := string(rune('1' + v))
			switch {
			case v == h.view:
				parts = append(parts, st.Cursor.Render("["+n+" "+v.name()+"]"))
			case named:
				parts = append(parts, st.Faint.Render(n+" "+v.name()))
			default:
				parts = append(parts, st.Faint.Render(n))
			}
		}
		return strings.Join(parts, "  ")
	}
	if s := build(true); lipgloss.Width(s) <= w {
		return s
	}
	return truncate(build(false), w)
}

// help is the keys of the view, then the keys of every view.
func (h *history) help() string {
	ks := h.keys
	var b []key.Binding
	switch h.view {
	case calendarView:
		b = []key.Binding{ks.dayHelp, ks.monthHelp, ks.open}
	case tableView:
		b = []key.Binding{ks.nightHelp, ks.pgHelp, ks.open}
	case nightView:
		b = []key.Binding{ks.edit, ks.otherHelp, ks.scrollHelp}
	case trendsView:
		b = []key.Binding{ks.span}
	case insightsView:
		b = []key.Binding{ks.scrollHelp}
	}
	return h.sh.shortHelp(append(b, ks.viewHelp, ks.back, ks.quit))
}
