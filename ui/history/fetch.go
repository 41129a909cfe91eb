package history

import (
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// A key in the browser may need nights that are not read yet: a page of
// the table, the month the calendar moves into. Rather than read them in
// Update, every key is an action done by do: if the action finds a span
// missing (the window's read notes it), the browser is put back as it
// was, the span is fetched in a tea.Cmd, and the action is done again
// with it. Actions wait their turn, so keys pressed while a read is on
// its way are done in order, each on what the one before left. Until
// then the screen shows what it did before the key: the data is missing,
// never wrong.

// fetchedMsg is a span of nights read.
type fetchedMsg struct {
	span span
	fetchResult
}

// do queues act and does what it can of the queue.
func (m *Model) do(act func() tea.Cmd) tea.Cmd {
	m.queue = append(m.queue, act)
	if len(m.queue) > 1 || !m.ready {
		return nil // act waits for the read on its way
	}
	return m.next()
}

// next does the queued actions in turn, until one needs a read.
func (m *Model) next() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.queue) > 0 {
		before := m.state
		cmd := m.queue[0]()
		if miss := m.n.win.miss; miss != nil {
			fetched := m.n.win.fetched
			m.state = before
			m.n.win.fetched = fetched
			return tea.Batch(append(cmds, m.fetch(*miss))...)
		}
		m.n.win.fetched = nil // done: the next action reads afresh
		m.queue = m.queue[1:]
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// fetch reads s in the background.
func (m *Model) fetch(s span) tea.Cmd {
	src := m.src
	return func() tea.Msg {
		ctx, cancel := screen.StoreContext()
		defer cancel()
		recs, err := src.Nights(ctx, s.from, s.to)
		return fetchedMsg{s, fetchResult{recs, err}}
	}
}

// receive keeps a span read and does the action that wanted it again.
func (m *Model) receive(msg fetchedMsg) tea.Cmd {
	if m.n.win.fetched == nil {
		m.n.win.fetched = map[span]fetchResult{}
	}
	m.n.win.fetched[msg.span] = msg.fetchResult
	return m.next()
}
