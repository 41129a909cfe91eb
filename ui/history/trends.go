package history

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// The trends read 90 nights and the 6 before them, for the first rolling
// means; the shorter range is the end of the same nights.
const (
	trendsLong = 90
	rollN      = 7
	rollNeed   = 3 // nights recorded in a rolling window before it shows
)

// trends are symptom severity and sleep efficiency over the last 30 or
// 90 nights, drawn from nights read in the background the first time the
// view is shown.
type trends struct {
	ctx            *screen.Context
	n              *nights
	src            Source
	keys           trendsKeys
	days           int // 30 or 90
	gen            int
	loading, ready bool
	end            string
	recs           []night.Record
	err            error
	// legs shows the onset clock times and the nights with arms involved
	// instead of the ratings.
	legs bool
}

type trendsKeys struct{ span, legs key.Binding }

func newTrendsKeys() trendsKeys {
	return trendsKeys{span: bind([]string{"r"}, "r", "30/90 nights"), legs: bind([]string{"o"}, "o", "onset & arms")}
}

func (s *trends) enter() tea.Cmd { return s.load(s.src, s.endNight()) }

func (s *trends) key(k tea.KeyPressMsg) (viewID, tea.Cmd) {
	switch {
	case key.Matches(k, s.keys.span):
		s.days = 120 - s.days // 30 ↔ 90
	case key.Matches(k, s.keys.legs):
		s.legs = !s.legs
	}
	return noView, nil
}

func (s *trends) fit() {}

func (s *trends) allKeys() []key.Binding { return s.help() }

func (s *trends) help() []key.Binding { return []key.Binding{s.keys.span, s.keys.legs} }

type trendsMsg struct {
	gen  int
	end  string
	recs []night.Record
	err  error
}

func (s *trends) load(src Source, end string) tea.Cmd {
	if src == nil || s.loading || s.ready && s.end == end {
		return nil
	}
	s.loading = true
	gen := s.gen
	return background(func(ctx context.Context) tea.Msg {
		recs, err := src.Nights(ctx, nightfmt.AddDays(end, -(trendsLong+rollN-2)), end)
		return trendsMsg{gen: gen, end: end, recs: recs, err: err}
	})
}

func (s *trends) receive(m trendsMsg) {
	if m.gen != s.gen {
		return // from before an edit: a fresh read is on its way
	}
	s.loading, s.ready = false, true
	s.end, s.recs, s.err = m.end, m.recs, m.err
}

func (s *trends) reset() {
	s.gen++
	s.loading, s.ready, s.recs, s.err = false, false, nil, nil
}

// endNight is the last night the trends cover: last night, or the last
// record when the record stopped more than a month ago.
func (s *trends) endNight() string {
	if s.n.last != "" && s.n.last < nightfmt.AddDays(s.n.today, -30) {
		return s.n.last
	}
	return s.n.today
}

// series is a measure for each of the last days nights and the lead-in
// before them, NaN for a night without it.
func (s *trends) series(days int, f func(*night.Record) float64) []float64 {
	n := days + rollN - 1
	vals := make([]float64, n)
	for i := range n {
		date := nightfmt.AddDays(s.end, i-n+1)
		vals[i] = math.NaN()
		if j, ok := slices.BinarySearchFunc(s.recs, date, func(r night.Record, d string) int {
			return strings.Compare(r.Night, d)
		}); ok {
			if v := f(&s.recs[j]); v >= 0 {
				vals[i] = v
			}
		}
	}
	return vals
}

// body draws symptom severity and sleep nightfmt.Efficiency over the range:
// nightly bars with gaps for nights without a check-in, the 7-night mean
// under them, and the lowest, mean and highest. Without room for charts
// it gives the numbers alone.
func (s *trends) body() (title, note string, body []string) {
	st, w := s.ctx.Styles, s.ctx.Width
	days := s.days
	title = fmt.Sprintf("Last %d nights", days)
	note = fmt.Sprintf("r: %d nights", 120-days)
	if lines := notYet(s.ctx, s.src != nil, s.ready, s.err, "reading your nights…"); lines != nil {
		return title, note, lines
	}
	title += ", to " + nightfmt.Label(s.end)
	if w < 60 {
		title = fmt.Sprintf("%d nights to %s", days, nightfmt.Label(s.end))
	}
	if s.legs {
		return title, note, s.legsBody()
	}
	sev := s.series(days, func(r *night.Record) float64 { return float64(nightfmt.Severity(r)) })
	se := s.series(days, nightfmt.Efficiency)
	recorded := count(sev[rollN-1:])
	foot := st.Faint.Render(fmt.Sprintf("%d of %d nights %s a check-in.", recorded, days, routine.Plural(recorded, "has", "have")))

	chartW := w - 11
	if bodyRoom(s.ctx) < 14 || chartW < 30 {
		body = append(body, s.numbers("Leg symptoms, 0-10", sev, days, "")...)
		body = append(body, s.numbers("Sleep efficiency", se, days, " %")...)
		return title, note, append(body, foot)
	}
	body = append(body, "")
	body = append(body, s.chart("Leg symptoms, next morning", " (0-10)", sev, days, chartW, 0, 10, "")...)
	body = append(body, "")
	lo, hi := spread(se[rollN-1:])
	body = append(body, s.chart("Sleep efficiency", " (%)", se, days, chartW, lo, hi, " %")...)
	first := nightfmt.Label(nightfmt.AddDays(s.end, 1-days))
	last := nightfmt.Label(s.end)
	span := len(fitWidth(make([]float64, days), chartW))
	gap := screen.Pad(span, first+last)
	if gap == "" {
		gap = " " // the two ends never touch
	}
	axis := first + gap + last
	body = append(body, screen.Truncate(st.Faint.Render(strings.Repeat(" ", 11)+axis), w), "",
		screen.Wrap(st.Faint, w, fmt.Sprintf("%d of %d nights %s a check-in; a gap is a night without one.", recorded, days, routine.Plural(recorded, "has", "have"))))
	return title, note, body
}

// chart is one measure: its nightly bars, the rolling mean, and the
// numbers.
func (s *trends) chart(name, unitNote string, vals []float64, days, width int, lo, hi float64, unit string) []string {
	st := s.ctx.Styles
	nightly := vals[rollN-1:]
	roll := rolling(vals, rollN, rollNeed, days)
	label := func(s string) string { return st.Faint.Render(fmt.Sprintf("  %-9s", s)) }
	scale := ""
	if !math.IsNaN(lo) { // the symptom chart too: its bars run 0 to 10
		scale = fmt.Sprintf(" (▁ %s, █ %s)", num(lo, unit), num(hi, unit))
	}
	return []string{
		screen.Truncate(st.Title.Render(name)+st.Faint.Render(unitNote), s.ctx.Width),
		label("nightly") + st.Accent.Render(sparkline(fitWidth(nightly, width), lo, hi)),
		label(fmt.Sprintf("%d-night", rollN)) + st.Text.Render(sparkline(fitWidth(roll, width), lo, hi)),
		screen.Truncate(strings.Repeat(" ", 11)+st.Faint.Render(summary(nightly, unit)+scale), s.ctx.Width),
	}
}

// numbers is a measure without a chart.
func (s *trends) numbers(name string, vals []float64, days int, unit string) []string {
	st, w := s.ctx.Styles, s.ctx.Width
	nightly := vals[rollN-1:]
	return []string{
		screen.Truncate(st.Title.Render(name), w),
		screen.Truncate("  "+st.Text.Render(summary(nightly, unit)), w),
		screen.Truncate("  "+st.Text.Render(fmt.Sprintf("last %d nights: mean %s", rollN, num(mean(nightly[len(nightly)-rollN:]), unit))), w),
	}
}

// summary is "min 0 · mean 3.4 · max 9".
func summary(vals []float64, unit string) string {
	lo, hi := spread(vals)
	if math.IsNaN(lo) {
		return "nothing recorded"
	}
	return fmt.Sprintf("min %s · mean %s · max %s", num(lo, unit), num(mean(vals), unit), num(hi, unit))
}

// num shows a rating with a decimal where it has one, and a percentage
// whole; "·" for none.
func num(v float64, unit string) string {
	switch {
	case math.IsNaN(v):
		return nightfmt.NoData
	case unit != "":
		return fmt.Sprintf("%.0f%s", v, unit)
	case v == math.Trunc(v):
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}
