package insight

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// reliefNights are six flare-ups over three nights, worked by hand:
//
//	walk:    tried 4 (a lot, a lot, a little, unanswered);
//	         drops 7-3=4, 6-2=4, 5-4=1 (one unrated): median 4
//	stretch: tried 3 (not at all, a little, a lot);
//	         drops 5-6=-1, 6-2=4 (the walk's too), 8-5=3: median 3
//	cold:    tried 3 (a little, a little, unanswered);
//	         drops 5-4=1, 8-5=3 (one unrated): median 2
//	press:   tried 2, below MinTries: left out
func reliefNights() []night.Record {
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }
	n := func(v int) *int { return &v }
	tr := func(ids ...string) []night.Tried {
		var ts []night.Tried
		for _, id := range ids {
			ts = append(ts, night.Tried{ID: id})
		}
		return ts
	}
	return []night.Record{
		{Night: "2026-11-20", Events: []night.Event{
			{At: at(21, 2), Severity: 7, Tried: tr("walk"), SeverityAfter: n(3), Helped: night.HelpedALot},
			{At: at(21, 4), Severity: 5, Tried: tr("stretch", "press"), SeverityAfter: n(6), Helped: night.HelpedNotAtAll},
		}},
		{Night: "2026-11-21", Events: []night.Event{
			{At: at(22, 3), Severity: 6, Tried: tr("walk", "stretch"), SeverityAfter: n(2), Helped: night.HelpedALot},
			{At: at(22, 5), Severity: 5, Tried: tr("walk", "cold"), SeverityAfter: n(4), Helped: night.HelpedALittle},
		}},
		{Night: "2026-11-22", Events: []night.Event{
			{At: at(23, 1), Severity: 8, Tried: tr("stretch", "cold", "press"), SeverityAfter: n(5), Helped: night.HelpedALittle},
			{At: at(23, 2), Severity: 9, Tried: tr("walk", "cold")},
		}},
	}
}

func TestReliefsOnAHandCheckedSet(t *testing.T) {
	set := night.Settings{Toolkit: night.Toolkit{Moderate: []night.ToolEntry{
		{ID: "walk", Label: "Walk around the house", Minutes: 5}, {ID: "stretch", Routine: "relief-stretch"},
	}}}
	got := Reliefs(reliefNights(), set)
	f := func(v float64) *float64 { return &v }
	want := []Relief{
		{ID: "walk", Label: "Walk around the house", Tried: 4, HelpedALittle: 1, HelpedALot: 2, Answered: 3, MedianDrop: f(4), Drops: 3},
		{ID: "cold", Label: "cold", Tried: 3, HelpedALittle: 2, Answered: 2, MedianDrop: f(2), Drops: 2},
		{ID: "stretch", Label: "relief-stretch", Tried: 3, HelpedALittle: 1, HelpedALot: 1, Answered: 3, MedianDrop: f(3), Drops: 3},
	}
	if len(got) != len(want) {
		t.Fatalf("reliefs %+v, want %d", got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Label != w.Label || g.Tried != w.Tried || g.HelpedALittle != w.HelpedALittle ||
			g.HelpedALot != w.HelpedALot || g.Answered != w.Answered || g.Drops != w.Drops ||
			(g.MedianDrop == nil) != (w.MedianDrop == nil) || (g.MedianDrop != nil && *g.MedianDrop != *w.MedianDrop) {
			t.Errorf("relief %d = %+v (median %v), want %+v (median %v)", i, g, deref(g.MedianDrop), w, deref(w.MedianDrop))
		}
	}
	b, err := json.Marshal(got[0])
	if err != nil || string(b) != `{"id":"walk","tried":4,"helped_a_little":1,"helped_a_lot":2,"median_drop":4}` {
		t.Errorf("JSON %s, %v", b, err)
	}
	if s := got[0].Sentence(); s != "Walk around the house (walk): tried 4 times; reported as helping a little 1 time and a lot 2 times (3 answered); severity afterwards was a median of 4.0 points lower (3 rated)." {
		t.Errorf("sentence %q", s)
	}
}

func TestReliefWithoutAnswersAfterwards(t *testing.T) {
	recs := []night.Record{{Night: "2026-11-20", Events: []night.Event{
		{At: time.Date(2026, 11, 21, 1, 0, 0, 0, time.UTC), Severity: 6, Tried: []night.Tried{{ID: "walk"}}},
		{At: time.Date(2026, 11, 21, 2, 0, 0, 0, time.UTC), Severity: 6, Tried: []night.Tried{{ID: "walk"}}},
		{At: time.Date(2026, 11, 21, 3, 0, 0, 0, time.UTC), Severity: 6, Tried: []night.Tried{{ID: "walk"}}},
	}}}
	res := Compute(recs, night.Settings{})
	b, _ := json.Marshal(res)
	if !strings.Contains(string(b), `"relief":[{"id":"walk","tried":3,"helped_a_little":0,"helped_a_lot":0,"median_drop":null}]`) {
		t.Errorf("JSON %s", b)
	}
	text := strings.Join(Lines(res, 0), "\n")
	if !strings.Contains(text, "walk: tried 3 times; whether it helped was never answered.") || !strings.Contains(text, "not advice") {
		t.Errorf("text:\n%s", text)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
