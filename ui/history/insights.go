package history

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// insights are the comparisons over every night, worked out in the
// background the first time the view is shown: the one view that reads
// the whole record.
type insights struct {
	ctx  *screen.Context
	src  Source
	keys scrollKeys
	// top is the first line shown.
	top            int
	gen            int
	loading, ready bool
	res            insight.Result
	err            error
}

type insightsMsg struct {
	gen int
	res insight.Result
	err error
}

func (s *insights) enter() tea.Cmd { return s.load(s.src) }

func (s *insights) key(k tea.KeyPressMsg) (viewID, tea.Cmd) {
	s.top = s.keys.scroll(k, s.top, bodyRoom(s.ctx))
	return noView, nil
}

// fit stops the scrolling at the last line.
func (s *insights) fit() {
	if !s.listing() {
		return // nothing to scroll yet: the place is kept for when there is
	}
	_, _, lines := s.content()
	s.top = min(s.top, max(len(lines)-bodyRoom(s.ctx), 0))
}

func (s *insights) allKeys() []key.Binding {
	ks := s.keys
	return []key.Binding{ks.up, ks.down, ks.pgUp, ks.pgDown, ks.home, ks.end}
}

func (s *insights) help() []key.Binding { return []key.Binding{s.keys.scrollHelp} }

// load asks the journal for the insights, in the background.
func (s *insights) load(src Source) tea.Cmd {
	if src == nil || s.loading || s.ready {
		return nil
	}
	s.loading = true
	gen := s.gen
	return background(func(ctx context.Context) tea.Msg {
		res, err := src.Insights(ctx)
		return insightsMsg{gen: gen, res: res, err: err}
	})
}

// notYet is what a view that reads in the background shows before it can
// show its own: no source, still reading (working), or the read's error;
// nil once it is ready.
func notYet(ctx *screen.Context, source, ready bool, err error, working string) []string {
	st := ctx.Styles
	switch {
	case !source:
		return []string{st.Faint.Render("No diary is open.")}
	case !ready:
		return []string{st.Faint.Render(working)}
	case err != nil:
		return []string{screen.Wrap(st.Warn, ctx.Width, "⚠ could not read your nights: "+err.Error())}
	}
	return nil
}

// background runs a read that needs the whole record (trends, insights)
// off the screen's goroutine, with a generous time limit.
func background(read func(context.Context) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		return read(ctx)
	}
}

func (s *insights) receive(m insightsMsg) {
	if m.gen != s.gen {
		return
	}
	s.loading, s.ready = false, true
	s.res, s.err = m.res, m.err
}

func (s *insights) reset() {
	s.gen++
	s.loading, s.ready, s.res, s.err = false, false, insight.Result{}, nil
}

// content is the insights in words, as the command line prints them:
// what holds after the correction, what is not clear yet, what needs more
// nights, and the remedies apart.
func (s *insights) content() (title, note string, lines []string) {
	st, w := s.ctx.Styles, s.ctx.Width
	title, note = "What goes with your nights", "associations, not causes"
	if w < 70 {
		note = ""
	}
	if lines := notYet(s.ctx, s.src != nil, s.ready, s.err, "working it out…"); lines != nil {
		return title, note, lines
	}
	if s.res.Nights == 0 {
		return title, note, []string{screen.Wrap(st.Faint, w, "Nothing to compare yet: insights need evening logs and morning check-ins.")}
	}
	if note == "" {
		lines = append(lines, st.Faint.Render("Associations, not causes."))
	}
	for _, l := range insight.Lines(s.res, w) {
		if l == "" {
			lines = append(lines, "")
			continue
		}
		style := st.Text
		if !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "-") {
			style = st.Faint // the group headings and the caveat
		}
		lines = append(lines, style.Render(l))
	}
	return title, note, lines
}

// listing reports whether there are findings to list, and so to scroll.
func (s *insights) listing() bool {
	return s.src != nil && s.ready && s.err == nil && s.res.Nights > 0
}

// body is the findings from the top line.
func (s *insights) body() (title, note string, lines []string) {
	title, note, lines = s.content()
	if !s.listing() {
		return title, note, lines
	}
	top := min(s.top, len(lines))
	if top+bodyRoom(s.ctx) < len(lines) {
		note = strings.TrimPrefix(note+" · more ↓", " · ")
	}
	return title, note, lines[top:]
}
