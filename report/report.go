// Package report writes a summary of a period of nights that a person can
// print or send to a sleep clinic: a sleep-diary table with every
// Consensus Sleep Diary item a night and the derived time in bed, total
// sleep time and sleep efficiency, next to the person's own leg ratings;
// summaries with their spread, week by week, and the regularity of bedtime
// and wake time; routine adherence; the evening checklist; and the
// associations insight finds that hold after its correction.
//
// It is written as Markdown (the default) or as one self-contained HTML
// file: no external style sheet, script or font, nothing fetched from the
// network, with inline SVG charts of leg symptoms and sleep efficiency a
// night, and print styles that fit 14 nights on at most two pages of A4
// or Letter.
//
// The report is calm and factual. It gives no advice and no doses, quotes
// no item of the IRLS or RLS-6, and says plainly that the leg items are
// the person's own ratings, not a clinical score. The same records and
// options always give the same bytes.
package report

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// Format is how the report is written.
type Format string

// The formats.
const (
	Markdown Format = "md"
	HTML     Format = "html"
)

// ParseFormat reads a --format value: "md" (or "markdown", or "") or
// "html".
func ParseFormat(s string) (Format, error) {
	switch s {
	case "", "md", "markdown":
		return Markdown, nil
	case "html":
		return HTML, nil
	}
	return "", fmt.Errorf("format %q: want md or html", s)
}

// DefaultDays is how many nights, up to last night, a report covers when
// no period is given.
const DefaultDays = 14

// Options say what to report.
type Options struct {
	// From and To are the period, YYYY-MM-DD inclusive. The caller works
	// them out: by default the DefaultDays nights up to last night
	// (journal.ReportRange), or --days N, or --from/--to.
	From, To string
	Now      time.Time      // when the report is made (shown in it; tests fix it)
	Settings night.Settings // checklist labels and kinds
	// Format is Markdown when empty.
	Format Format
	// Labs are every iron result recorded, in date order: the report
	// shows the latest.
	Labs []night.Lab
}

// Write writes the report for recs (the nights in the period, in date
// order; nights with no records simply aren't in recs). Records outside
// the period are left out.
func Write(w io.Writer, recs []night.Record, o Options) error {
	from, err := time.Parse(night.Layout, o.From)
	if err != nil {
		return fmt.Errorf("report: from %q: want YYYY-MM-DD", o.From)
	}
	to, err := time.Parse(night.Layout, o.To)
	if err != nil {
		return fmt.Errorf("report: to %q: want YYYY-MM-DD", o.To)
	}
	if to.Before(from) {
		return fmt.Errorf("report: the period ends (%s) before it starts (%s)", o.To, o.From)
	}
	format, err := ParseFormat(string(o.Format))
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	t := gather(from, to, recs)
	blocks := header(&t, from, to, o.Now)
	if t.anyRecord == 0 {
		none := "There are no records for the nights in this period."
		if t.trials > 0 {
			none += fmt.Sprintf(" Left out: %s at another speed than real time (trials).", plural(t.trials, "run", "runs"))
		}
		blocks = append(blocks, para(none))
	} else {
		blocks = append(blocks, summary(&t)...)
		blocks = append(blocks, weeks(&t)...)
		blocks = append(blocks, diaryTable(&t)...)
		blocks = append(blocks, legTable(&t)...)
		blocks = append(blocks, onsetWeeks(&t)...)
		blocks = append(blocks, evenings(&t, o.Settings)...)
		blocks = append(blocks, medicines(&t)...)
		blocks = append(blocks, adherence(&t)...)
		blocks = append(blocks, checklist(&t, o.Settings)...)
		blocks = append(blocks, onset(&t)...)
		blocks = append(blocks, flareUps(&t, o.Settings)...)
		blocks = append(blocks, insights(&t, o.Settings)...)
	}
	blocks = append(blocks, labResults(o.Labs, o.To)...)
	blocks = append(blocks, para("Made with quietlegs. Self-reported; not a clinical assessment; not medical advice."))
	// bufio keeps the first write error and Flush returns it.
	b := bufio.NewWriter(w)
	if format == HTML {
		writeHTML(b, "quietlegs report", blocks)
	} else {
		writeMarkdown(b, "quietlegs report", blocks)
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
