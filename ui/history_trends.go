package ui

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/night"
)

// The trends read 90 nights and the 6 before them, for the first rolling
// means; the shorter range is the end of the same nights.
const (
	trendsLong = 90
	rollN      = 7
	rollNeed   = 3 // nights recorded in a rolling window before it shows
)

// trendsState is the nights the trends are drawn from, read in the
// background the first time the view is shown.
type trendsState struct {
	days           int // 30 or 90
	gen            int
	loading, ready bool
	end            string
	recs           []night.Record
	err            error
}

type trendsMsg struct {
	gen  int
	end  string
	recs []night.Record
	err  error
}

func (s *trendsState) load(src History, end string) tea.Cmd {
	if src == nil || s.loading || s.ready && s.end == end {
		return nil
	}
	s.loading = true
	gen := s.gen
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		recs, err := src.Nights(ctx, addDays(end, -(trendsLong+rollN-2)), end)
		return trendsMsg{gen: gen, end: end, recs: recs, err: err}
	}
}

func (s *trendsState) receive(m trendsMsg) {
	if m.gen != s.gen {
		return // from before an edit: a fresh read is on its way
	}
	s.loading, s.ready = false, true
	s.end, s.recs, s.err = m.end, m.recs, m.err
}

func (s *trendsState) reset() {
	s.gen++
	s.loading, s.ready, s.recs, s.err = false, false, nil, nil
}

// trendsEnd is the last night the trends cover: last night, or the last
// record when the record stopped more than a month ago.
func (h *history) trendsEnd() string {
	if h.last != "" && h.last < addDays(h.today, -30) {
		return h.last
	}
	return h.today
}

// series is a measure for each of the last days nights and the lead-in
// before them, NaN for a night without it.
func (s *trendsState) series(days int, f func(*night.Record) float64) []float64 {
	n := days + rollN - 1
	vals := make([]float64, n)
	for i := range n {
		date := addDays(s.end, i-n+1)
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

// trendsBody draws symptom severity and sleep efficiency over the range:
// nightly bars with gaps for nights without a check-in, the 7-night mean
// under them, and the lowest, mean and highest. Without room for charts
// it gives the numbers alone.
func (h *history) trendsBody() (title, note string, body []string) {
	st, w := h.sh.styles, h.sh.width
	s := &h.trends
	days := s.days
	title = fmt.Sprintf("Last %d nights", days)
	note = fmt.Sprintf("r: %d nights", 120-days)
	switch {
	case h.sh.opts.History == nil:
		return title, note, []string{st.Faint.Render("No diary is open.")}
	case !s.ready:
		return title, note, []string{st.Faint.Render("reading your nights…")}
	case s.err != nil:
		return title, note, []string{wrap(st.Warn, w, "⚠ could not read your nights: "+s.err.Error())}
	}
	title += ", to " + nightLabel(s.end)
	if w < 60 {
		title = fmt.Sprintf("%d nights to %s", days, nightLabel(s.end))
	}
	sev := s.series(days, func(r *night.Record) float64 { return float64(severity(r)) })
	se := s.series(days, efficiency)
	recorded := count(sev[rollN-1:])
	foot := st.Faint.Render(fmt.Sprintf("%d of %d nights have a check-in.", recorded, days))

	chartW := w - 11
	if h.bodyRoom() < 14 || chartW < 30 {
		body = append(body, h.trendNumbers("Leg symptoms, 0-10", sev, days, "")...)
		body = append(body, h.trendNumbers("Sleep efficiency", se, days, " %")...)
		return title, note, append(body, foot)
	}
	body = append(body, "")
	body = append(body, h.trendChart("Leg symptoms, next morning", " (0-10)", sev, days, chartW, 0, 10, "")...)
	body = append(body, "")
	lo, hi := spread(se[rollN-1:])
	body = append(body, h.trendChart("Sleep efficiency", " (%)", se, days, chartW, lo, hi, " %")...)
	first := nightLabel(addDays(s.end, 1-days))
	last := nightLabel(s.end)
	span := len(fitWidth(make([]float64, days), chartW))
	axis := first + strings.Repeat(" ", max(span-lipgloss.Width(first+last), 1)) + last
	body = append(body, truncate(st.Faint.Render(strings.Repeat(" ", 11)+axis), w), "",
		wrap(st.Faint, w, fmt.Sprintf("%d of %d nights have a check-in; a gap is a night without one.", recorded, days)))
	return title, note, body
}

// trendChart is one measure: its nightly bars, the rolling mean, and the
// numbers.
func (h *history) trendChart(name, unitNote string, vals []float64, days, width int, lo, hi float64, unit string) []string {
	st := h.sh.styles
	nightly := vals[rollN-1:]
	roll := rolling(vals, rollN, rollNeed, days)
	label := func(s string) string { return st.Faint.Render(fmt.Sprintf("  %-9s", s)) }
	scale := ""
	if unit != "" && !math.IsNaN(lo) {
		scale = fmt.Sprintf(" (▁ %s, █ %s)", num(lo, unit), num(hi, unit))
	}
	return []string{
		truncate(st.Title.Render(name)+st.Faint.Render(unitNote), h.sh.width),
		label("nightly") + st.Accent.Render(sparkline(fitWidth(nightly, width), lo, hi)),
		label(fmt.Sprintf("%d-night", rollN)) + st.Text.Render(sparkline(fitWidth(roll, width), lo, hi)),
		truncate(strings.Repeat(" ", 11)+st.Faint.Render(summary(nightly, unit)+scale), h.sh.width),
	}
}

// trendNumbers is a measure without a chart.
func (h *history) trendNumbers(name string, vals []float64, days int, unit string) []string {
	st, w := h.sh.styles, h.sh.width
	nightly := vals[rollN-1:]
	return []string{
		truncate(st.Title.Render(name), w),
		truncate("  "+st.Text.Render(summary(nightly, unit)), w),
		truncate("  "+st.Text.Render(fmt.Sprintf("last %d nights: mean %s", rollN, num(mean(nightly[len(nightly)-rollN:]), unit))), w),
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
		return noData
	case unit != "":
		return fmt.Sprintf("%.0f%s", v, unit)
	case v == math.Trunc(v):
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}
