package history

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// onsetMinutes is when symptoms started, in minutes from the start of
// the night's date (a start after midnight is past 24 h), or -1 when the
// check-in has no onset time.
func onsetMinutes(r *night.Record) float64 {
	c := r.Checkin
	if c == nil || c.OnsetAt.IsZero() {
		return -1
	}
	d, err := time.ParseInLocation(night.Layout, r.Night, c.OnsetAt.Location())
	if err != nil {
		return -1
	}
	return max(c.OnsetAt.Sub(d).Minutes(), 0)
}

// clockText writes minutes from a date's start as the clock reads them.
func clockText(m float64) string {
	if math.IsNaN(m) {
		return "·"
	}
	n := int(math.Round(m)) % (24 * 60)
	return fmt.Sprintf("%02d:%02d", n/60, n%60)
}

// legsBody is the onset clock time night by night, as a sparkline (a
// lower bar an earlier time), and the nights with arms or other parts
// involved, week by week: as recorded, with no label or reading.
func (s *trends) legsBody() []string {
	st, w, days := s.ctx.Styles, s.ctx.Width, s.days
	onset := s.series(days, onsetMinutes)[rollN-1:]
	arms := s.series(days, func(r *night.Record) float64 {
		if r.Checkin == nil || r.Checkin.Arms == nil {
			return -1
		}
		if *r.Checkin.Arms {
			return 1
		}
		return 0
	})[rollN-1:]
	var body []string
	lo, hi := spread(onset)
	n, chartW := count(onset), w-11
	note := ""
	if n > 0 && chartW >= 30 {
		note = " (a lower bar is earlier)" // only beside a chart
	}
	body = append(body, "")
	body = append(body, heading(st, w, "Time symptoms started", note)...)
	if n == 0 {
		body = append(body, st.Faint.Render("  no onset times in these nights"))
	} else {
		if chartW >= 30 {
			body = append(body, st.Faint.Render(fmt.Sprintf("  %-9s", "nightly"))+st.Accent.Render(sparkline(fitWidth(onset, chartW), lo, hi)))
		}
		body = append(body, screen.WrapLines(st.Text, w, fmt.Sprintf("  earliest %s · latest %s · %d of %d nights", clockText(lo), clockText(hi), n, days))...)
	}
	body = append(body, "")
	body = append(body, heading(st, w, "Arms or elsewhere involved", " (nights, by week)")...)
	var weeks []string
	for end := len(arms); end > 0; end -= 7 {
		yes, said := 0, 0
		for _, v := range arms[max(end-7, 0):end] {
			if !math.IsNaN(v) {
				said++
				yes += int(v)
			}
		}
		cell := "·"
		if said > 0 {
			cell = fmt.Sprintf("%d/%d", yes, said)
		}
		weeks = append([]string{cell}, weeks...)
	}
	body = append(body, screen.WrapLines(st.Text, w, "  "+strings.Join(weeks, "  "))...)
	return append(body, "", screen.Wrap(st.Faint, w, "Oldest week first; yes of the nights answered; · none answered. o: back to the ratings."))
}

// heading is a title with a faint note beside it, or under it where both
// do not fit the width.
func heading(st *screen.Styles, w int, title, note string) []string {
	if ansi.StringWidth(title+note) <= w {
		return []string{st.Title.Render(title) + st.Faint.Render(note)}
	}
	out := []string{screen.Truncate(st.Title.Render(title), w)}
	if note = strings.TrimSpace(note); note != "" {
		out = append(out, screen.WrapLines(st.Faint, w, "  "+note)...)
	}
	return out
}
