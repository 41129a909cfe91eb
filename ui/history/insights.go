package history

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/night"
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
	findings       []insight.Finding
	nights         int
	err            error
}

type insightsMsg struct {
	gen      int
	findings []insight.Finding
	nights   int
	err      error
}

func (s *insights) enter() tea.Cmd { return s.load(s.src, s.ctx.Settings) }

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

func (s *insights) help() []key.Binding { return []key.Binding{s.keys.scrollHelp} }

func (s *insights) load(src Source, set night.Settings) tea.Cmd {
	if src == nil || s.loading || s.ready {
		return nil
	}
	s.loading = true
	gen := s.gen
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		recs, err := src.Nights(ctx, "", "")
		if err != nil {
			return insightsMsg{gen: gen, err: err}
		}
		return insightsMsg{gen: gen, findings: insight.Compute(recs, set), nights: len(recs)}
	}
}

func (s *insights) receive(m insightsMsg) {
	if m.gen != s.gen {
		return
	}
	s.loading, s.ready = false, true
	s.findings, s.nights, s.err = m.findings, m.nights, m.err
}

func (s *insights) reset() {
	s.gen++
	s.loading, s.ready, s.findings, s.err = false, false, nil, nil
}

// content is each finding in words, strongest evidence first; those
// with too few nights yet are dim.
func (s *insights) content() (title, note string, lines []string) {
	st, w := s.ctx.Styles, s.ctx.Width
	title, note = "What goes with your nights", "associations, not causes"
	if w < 70 {
		note = ""
	}
	switch {
	case s.src == nil:
		return title, note, []string{st.Faint.Render("No diary is open.")}
	case !s.ready:
		return title, note, []string{st.Faint.Render("working it out…")}
	case s.err != nil:
		return title, note, []string{screen.Wrap(st.Warn, w, "⚠ could not read your nights: "+s.err.Error())}
	case s.nights == 0 || len(s.findings) == 0:
		return title, note, []string{screen.Wrap(st.Faint, w, "Nothing to compare yet: insights need evening logs and morning check-ins.")}
	}
	if note == "" {
		lines = append(lines, st.Faint.Render("Associations, not causes."))
	}
	gap := s.ctx.Height >= 20
	for i, f := range insight.Shown(s.findings) {
		style := st.Text
		if !f.Enough {
			style = st.Faint
		}
		if gap && i > 0 {
			lines = append(lines, "")
		}
		for j, l := range screen.WrapLines(style, w-2, keepTogether(f.Sentence())) {
			mark := "  "
			if j == 0 {
				mark = style.Render("• ")
			}
			lines = append(lines, mark+l)
		}
	}
	lines = append(lines, "")
	lines = append(lines, screen.WrapLines(st.Faint, w, fmt.Sprintf(
		"From %d nights. Each comparison is on its own: among many, about one in twenty "+
			"intervals leaves out no difference by chance alone.", s.nights))...)
	return title, note, lines
}

// listing reports whether there are findings to list, and so to scroll.
func (s *insights) listing() bool {
	return s.src != nil && s.ready && s.err == nil && s.nights > 0 && len(s.findings) > 0
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

// keepTogether stops a wrap from parting a number from its sign or unit:
// a minus sign becomes "−", which no wrap breaks after, and the space
// before "%" a non-breaking one.
func keepTogether(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == '-' && i+1 < len(rs) && unicode.IsDigit(rs[i+1]) && (i == 0 || !unicode.IsLetter(rs[i-1]) && !unicode.IsDigit(rs[i-1])):
			b.WriteRune('−')
		case r == ' ' && i+1 < len(rs) && rs[i+1] == '%':
			b.WriteRune('\u00a0')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
