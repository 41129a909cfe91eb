package archive

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// FuzzReadJSON: no input makes ReadJSON panic, and anything it accepts
// writes back and reads again to the same records.
func FuzzReadJSON(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sample(), time.Time{}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.String())
	f.Add(`{"nights":[]}`)
	f.Add(`{"nights":[{"night":"2026-11-22","evening":{"symptoms":3,"tags":["a"],"note":"x"}}]}`)
	f.Add(`{"nights":[{"night":"2026-11-22","routine":{"name":"q","status":"running","started_at":"2026-11-22T21:00:00+01:00","steps":[{"title":"s","status":"done","planned_s":1.5,"actual_s":0.001}]}}]}`)
	f.Add(`{"nights":[{"night":"2026-02-30"}]}`)
	f.Add(`{"nights":[{`)
	f.Add(`{"nights":[{"night":"2026-11-22","checkin":{"in_bed":"2026-11-22T22:00:00Z"}}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		var recs []night.Record
		var err error
		// Reading any file costs memory linear in its size: a real export
		// allocates about 12 bytes a byte, and this allows five times that.
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		recs, err = ReadJSON(strings.NewReader(in))
		runtime.ReadMemStats(&after)
		if got, most := after.TotalAlloc-before.TotalAlloc, uint64(4<<20+64*len(in)); got > most {
			t.Fatalf("reading %d bytes allocated %d bytes (at most %d)", len(in), got, most)
		}
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteJSON(&out, recs, time.Time{}); err != nil {
			t.Fatalf("accepted records do not write: %v", err)
		}
		again, err := ReadJSON(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("written export does not read back: %v\n%s", err, out.String())
		}
		var out2 bytes.Buffer
		if err := WriteJSON(&out2, again, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if out.String() != out2.String() {
			t.Fatalf("round trip changed the records:\n%s\n%s", out.String(), out2.String())
		}
	})
}
