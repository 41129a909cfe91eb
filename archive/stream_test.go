package archive_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/archive"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
)

// fixture is n generated nights, with notes that need escaping in JSON
// (HTML characters, a line separator, quotes) and quoting or an apostrophe
// in CSV.
func fixture(n int) []night.Record {
	recs := journaltest.Nights("2026-11-22", n, 1)
	notes := []string{`<b>&"legs"</b>`, "line\u2028break, \"quoted\"", "=SUM(A1)", "tab\there\nnewline", "ünïcødé 😴"}
	for i := range recs {
		if i%11 != 0 {
			continue
		}
		note := notes[i/11%len(notes)]
		if e := recs[i].Evening; e != nil {
			e.Note = note
		}
		if c := recs[i].Checkin; c != nil {
			c.Notes = note
		}
	}
	return recs
}

// TestStreamedExportIsTheWholeDocument: streaming night by night writes the
// very bytes of encoding the whole document at once, JSON and CSV, for 0
// nights and 1, 10 and 100 years.
func TestStreamedExportIsTheWholeDocument(t *testing.T) {
	exported := time.Date(2026, 11, 23, 7, 30, 0, 0, time.FixedZone("", 3600))
	sizes := []int{0, 1, 365, 3650, 36500}
	if testing.Short() {
		sizes = sizes[:4]
	}
	for _, n := range sizes {
		recs := fixture(n)
		for _, at := range []time.Time{exported, {}} {
			t.Run(fmt.Sprintf("json/%d nights/exported %v", n, !at.IsZero()), func(t *testing.T) {
				var want, got bytes.Buffer
				if err := archive.WholeJSON(&want, recs, nil, at); err != nil {
					t.Fatal(err)
				}
				if err := archive.WriteJSON(&got, recs, at); err != nil {
					t.Fatal(err)
				}
				same(t, got.Bytes(), want.Bytes())
			})
		}
		t.Run(fmt.Sprintf("csv/%d nights", n), func(t *testing.T) {
			var want, got bytes.Buffer
			if err := archive.WholeCSV(&want, recs); err != nil {
				t.Fatal(err)
			}
			if err := archive.WriteCSV(&got, recs); err != nil {
				t.Fatal(err)
			}
			same(t, got.Bytes(), want.Bytes())
		})
	}
}

// same fails with where got first differs from want.
func same(t *testing.T, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(i-80, 0)
	t.Fatalf("differs at byte %d of %d (want %d):\ngot:  %q\nwant: %q", i, len(got), len(want),
		got[lo:min(i+80, len(got))], want[lo:min(i+80, len(want))])
}
