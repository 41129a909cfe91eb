package archive

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// TestStreamedExportWithEverything: nights with flare-ups, doses, the
// optional leg items and the room, and iron results after the nights,
// stream to the very bytes of the whole document too.
func TestStreamedExportWithEverything(t *testing.T) {
	rec, labs := fieldsRecord()
	recs := append(sample(), rec)
	slices.SortFunc(recs, func(a, b night.Record) int { return strings.Compare(a.Night, b.Night) })
	for _, ls := range [][]night.Lab{nil, labs} {
		var want, got bytes.Buffer
		if err := wholeJSON(&want, recs, ls, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if err := WriteJSONWithLabs(&got, recs, ls, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("streamed with %d results:\n%s\nwant the whole document's\n%s", len(ls), got.Bytes(), want.Bytes())
		}
	}
}
