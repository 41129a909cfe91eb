package journal

import (
	"context"
	"io"
	"time"

	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/report"
)

// Nights reads every night with any record in [from, to] (YYYY-MM-DD,
// inclusive; "" leaves that end open), in date order.
func (j *Journal) Nights(ctx context.Context, from, to string) ([]night.Record, error) {
	return j.st.Nights(ctx, from, to)
}

// NightRange is the first and last night with any record, and how many
// nights have one.
func (j *Journal) NightRange(ctx context.Context) (first, last string, n int, err error) {
	ctx, cancel := bounded(ctx)
	defer cancel()
	return j.st.NightRange(ctx)
}

// Insights compares nights with and without each checklist trigger and
// the routine, and summarises the remedies, over every night recorded.
// Its JSON form is `quietlegs insights --format json`; insight.Lines and
// insight.WriteText give its text.
func (j *Journal) Insights(ctx context.Context) (insight.Result, error) {
	// Night by night, and only what is compared is read of each (no
	// steps, no doses) and kept: a long record is never in memory whole.
	each := func(fn func(night.Record) error) error { return j.st.EachNightBrief(ctx, fn) }
	return insight.ComputeEach(each, j.titledSettings())
}

// ReportRange is the nights a report of the last days nights covers, up
// to last night; report.DefaultDays (14) is the default.
func (j *Journal) ReportRange(days int) (from, to string) {
	last, _ := time.Parse(night.Layout, j.LastNight())
	return last.AddDate(0, 0, -(days - 1)).Format(night.Layout), last.Format(night.Layout)
}

// WriteReport writes the report of the nights from to to (YYYY-MM-DD,
// inclusive) in format (report.Markdown when empty, or report.HTML).
func (j *Journal) WriteReport(ctx context.Context, w io.Writer, from, to string, format report.Format) error {
	recs, err := j.st.Nights(ctx, from, to)
	if err != nil {
		return err
	}
	labs, err := j.st.Labs(ctx)
	if err != nil {
		return err
	}
	return report.Write(w, recs, report.Options{From: from, To: to, Now: j.Now(), Settings: j.titledSettings(), Format: format, Labs: labs})
}
