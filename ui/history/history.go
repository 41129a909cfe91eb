// Package history is the history browser: a person's nights as a month
// calendar, a table, one night in full, trends and insights. Each view is
// a sub-model with its own keys and drawing; Model switches between them
// and holds what they share, the nights read and the night selected.
//
// It reads only the dates on screen and a page around them, through
// tea.Cmds (see fetch.go), so years of record open as fast as a week. It
// never opens a screen itself: editing a night's check-in is an EditMsg
// for the root to answer. Deleting a night goes to the journal, which
// backs the records up first.
package history

import (
	"context"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// Source reads whole nights, a range of dates at a time, and the
// insights over them: the journal, or a fake in tests.
type Source interface {
	// Nights reads every night with any record in [from, to]
	// (YYYY-MM-DD, inclusive; "" leaves that end open), in date order.
	Nights(ctx context.Context, from, to string) ([]night.Record, error)
	// NightRange is the first and last night with any record, and how
	// many nights have one.
	NightRange(ctx context.Context) (first, last string, n int, err error)
	// Insights are the comparisons over every night.
	Insights(ctx context.Context) (insight.Result, error)
	// Where names the file the nights are read from ("" for none), so an
	// empty history says which file it read: a mistyped --db shows.
	Where() string
	// PreviewDelete is what DeleteNight would delete now; DeleteNight
	// deletes it, after backing the records up.
	PreviewDelete(ctx context.Context, date string, part journal.Part) (journal.Deletion, error)
	DeleteNight(ctx context.Context, date string, part journal.Part) (journal.DeleteResult, error)
}

// EditMsg asks the root to open the check-in form for Night, or with
// Evening its evening log; when the form is popped, the browser reads the
// night again.
type EditMsg struct {
	Night   string
	Evening bool
}

// The history browser needs more room than other screens; below this it
// says so.
const (
	MinWidth  = 40
	MinHeight = 12
)

// viewID is one of the browser's views.
type viewID int

const (
	calendarView viewID = iota
	tableView
	nightView
	trendsView
	insightsView
	viewCount
	noView viewID = -1 // a key that switches to no view
)

func (v viewID) name() string {
	return [...]string{"Calendar", "Table", "Night", "Trends", "Insights"}[v]
}

// tab is what every view does.
type tab interface {
	// enter is called when the view is switched to: it makes sure what the
	// view needs is read, or starts reading it.
	enter() tea.Cmd
	// key handles a key of the view's own; it may ask to switch view.
	key(k tea.KeyPressMsg) (viewID, tea.Cmd)
	// fit clamps the view's scrolling to what it has and the screen.
	fit()
	// body is the view's title line and the lines under it.
	body() (title, note string, lines []string)
	help() []key.Binding
	// allKeys are every key of the view, for the ? page.
	allKeys() []key.Binding
}

// state is everything a key may change. A key that needs nights not read
// yet is undone by putting state back, and done again once they are.
type state struct {
	n        nights
	calendar calendar
	table    table
	detail   detail
	trends   trends
	insights insights
	view     viewID
	// back is the view the night's detail returns to.
	back viewID
}

// Model is the history browser, a screen.Screen. Use it by pointer.
type Model struct {
	ctx  *screen.Context
	src  Source
	keys keys
	state
	tabs [viewCount]tab
	// ready is set once the range of nights is known; until then keys
	// wait in queue, as they do while a read they need is on its way.
	ready bool
	queue []func() tea.Cmd
	// showKeys is set while ? shows every key.
	showKeys screen.KeysShown
}

// New is the browser of src's nights; nil src shows none. fromHome only
// names esc "home" rather than "quit" on the help line: where esc goes is
// the root's stack.
func New(ctx *screen.Context, src Source, fromHome bool) *Model {
	m := &Model{ctx: ctx, src: src, keys: newKeys(fromHome)}
	m.n = nights{today: night.Last(ctx.Now())}
	m.n.win.none = src == nil
	m.n.sel = m.n.today
	m.calendar = calendar{ctx: ctx, n: &m.n, keys: newCalendarKeys()}
	m.table = table{ctx: ctx, src: src, n: &m.n, keys: newTableKeys()}
	m.detail = detail{ctx: ctx, n: &m.n, src: src, keys: newDetailKeys(), ask: newDeleteConfirm()}
	m.trends = trends{ctx: ctx, n: &m.n, src: src, days: 30, keys: newTrendsKeys()}
	m.insights = insights{ctx: ctx, src: src, keys: newScrollKeys()}
	m.tabs = [viewCount]tab{&m.calendar, &m.table, &m.detail, &m.trends, &m.insights}
	return m
}

// Init reads which nights have records, then shows the calendar.
func (m *Model) Init() tea.Cmd {
	m.queue = append(m.queue, func() tea.Cmd {
		if m.n.last != "" && m.n.last < m.n.today {
			m.n.sel = m.n.last
		}
		return m.show(calendarView)
	})
	if m.src == nil {
		m.ready = true
		return m.next()
	}
	return m.readRange(true)
}

// show switches to view v and reads what it needs.
func (m *Model) show(v viewID) tea.Cmd {
	if v == nightView && m.view != nightView {
		m.back, m.detail.top = m.view, 0
	}
	m.view = v
	return m.tabs[v].enter()
}

func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	cmd := m.update(msg)
	if m.ctx.Width >= MinWidth && m.ctx.Height >= MinHeight { // else not drawn
		m.tabs[m.view].fit()
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case rangeMsg:
		return m.receiveRange(msg)
	case fetchedMsg:
		return m.receive(msg)
	case reloadedMsg:
		m.n.win.reload(msg.date, msg.recs, msg.err)
	case trendsMsg:
		m.trends.receive(msg)
	case insightsMsg:
		m.insights.receive(msg)
	case screen.RevealedMsg:
		return m.reveal()
	case deletePreviewMsg:
		m.detail.preview(msg, m.view == nightView)
	case deletedMsg:
		m.detail.deleted(msg)
		return m.reread(msg.date)
	case tea.KeyPressMsg:
		if m.detail.ask.Asking() {
			return m.detail.answer(msg)
		}
		if key.Matches(msg, m.keys.quit) {
			return tea.Quit // at once, even while a read is on its way
		}
		if m.showKeys.Key(msg, m.keys.help) {
			return nil
		}
		return m.do(func() tea.Cmd { return m.key(msg) })
	}
	return nil
}

// reveal is back from the check-in form: the edited night is read again,
// and the trends and insights are worked out afresh.
func (m *Model) reveal() tea.Cmd {
	date := m.n.editing
	if date == "" {
		return nil
	}
	m.n.editing = ""
	return m.reread(date)
}

// reread reads the night date again after it changed (edited or
// deleted), with which nights have records, and works the trends and
// insights out afresh.
func (m *Model) reread(date string) tea.Cmd {
	m.trends.reset()
	m.insights.reset()
	src := m.src
	reload := func() tea.Msg {
		ctx, cancel := screen.StoreContext()
		defer cancel()
		recs, err := src.Nights(ctx, date, date)
		return reloadedMsg{date, recs, err}
	}
	return tea.Batch(m.readRange(false), reload, m.do(m.tabs[m.view].enter))
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	ks := m.keys
	switch {
	case key.Matches(k, ks.back):
		if m.view == nightView {
			return m.show(m.back)
		}
		return screen.Pop
	case key.Matches(k, ks.next):
		return m.show((m.view + 1) % viewCount)
	case key.Matches(k, ks.prev):
		return m.show((m.view + viewCount - 1) % viewCount)
	case key.Matches(k, ks.insights):
		return m.show(insightsView)
	}
	for v, b := range ks.views {
		if key.Matches(k, b) {
			return m.show(viewID(v))
		}
	}
	next, cmd := m.tabs[m.view].key(k)
	if next != noView {
		return m.show(next)
	}
	return cmd
}

// bodyRoom is the lines a view has under the tabs and its title line,
// above the help line.
func bodyRoom(ctx *screen.Context) int { return max(ctx.Height-3, 1) }

func (m *Model) View() string {
	st, w := m.ctx.Styles, m.ctx.Width
	if w < MinWidth || m.ctx.Height < MinHeight {
		return screen.Layout(m.ctx.Height, screen.Wrap(st.Warn, w, "Terminal too small for history"),
			screen.Wrap(st.Faint, w, "40x12 at least · q quit"))
	}
	if m.showKeys {
		ks := m.keys
		views := []key.Binding{bind([]string{"1"}, "1-5", "views by number"), ks.next, ks.prev, ks.insights, ks.back, ks.quit}
		return m.ctx.KeysPage([][]key.Binding{m.tabs[m.view].allKeys(), views}, "")
	}
	title, note, body := m.tabs[m.view].body()
	head := []string{m.tabLine(), screen.Header(st, w, title, note)}
	if m.n.rangeErr != nil || m.n.win.err != nil {
		head = append(head, m.readProblem())
	}
	return screen.Layout(m.ctx.Height, strings.Join(append(head, body...), "\n"), m.help())
}

// readProblem says why nights could not be read, on one line.
func (m *Model) readProblem() string {
	err := m.n.win.err
	if err == nil {
		err = m.n.rangeErr
	}
	return screen.Truncate(m.ctx.Styles.Warn.Render("⚠ could not read your nights: "+err.Error()), m.ctx.Width)
}

// tabLine is the views by number, the current one in brackets (so it
// shows without colour too); named in full where they fit.
func (m *Model) tabLine() string {
	st, w := m.ctx.Styles, m.ctx.Width
	build := func(named bool) string {
		parts := []string{st.Title.Render("History")}
		for v := range viewCount {
			n := string(rune('1' + v))
			switch {
			case v == m.view:
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
	return screen.Truncate(build(false), w)
}

// help is the keys of the view, then the keys of every view; while the
// delete question is asked, the question and its answers.
func (m *Model) help() string {
	if m.detail.ask.Asking() {
		return m.detail.ask.Line(m.ctx)
	}
	ks := m.keys
	bs := append(m.tabs[m.view].help(), ks.viewHelp, ks.back, ks.quit, ks.help)
	if ks.back.Help().Desc == ks.quit.Help().Desc {
		// Opened on its own, esc quits as q does: one of them is enough.
		bs = slices.DeleteFunc(bs, func(b key.Binding) bool { return b.Help().Key == "esc" })
	}
	return m.ctx.ShortHelp(bs)
}
