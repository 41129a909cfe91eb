package history

import (
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/internal/uitest"
)

// legNights are generated nights whose last two have the new items.
func legNights() []night.Record {
	recs := uitest.GenNights(lastNight, 40, 1)
	yes, no, worst, lasted, temp := true, false, 8, 50, 18.5
	for i, onset := range map[int]string{len(recs) - 1: "21:40", len(recs) - 2: "20:05"} {
		r := &recs[i]
		if r.Checkin == nil {
			c := night.Checkin{Night: r.Night}
			r.Checkin = &c
		}
		d, _ := time.Parse(night.Layout, r.Night)
		at, _ := time.Parse("15:04", onset)
		r.Checkin.OnsetAt = time.Date(d.Year(), d.Month(), d.Day(), at.Hour(), at.Minute(), 0, 0, time.UTC)
		r.Checkin.Arms = &no
	}
	last := &recs[len(recs)-1]
	last.Checkin.Arms, last.Checkin.Worst, last.Checkin.LastedMin = &yes, &worst, &lasted
	last.Checkin.Side, last.Checkin.Partner = night.SideAlternating, night.PartnerYes
	if last.Evening == nil {
		last.Evening = &night.Evening{Night: last.Night}
	}
	last.Evening.RoomTempC, last.Evening.Bedding = &temp, "heavy"
	last.Taken = []night.Dose{{Night: last.Night, Name: "iron", Amount: "65 mg", At: time.Date(2026, 11, 21, 19, 0, 0, 0, time.UTC)}}
	return recs
}

func TestNightDetailShowsEveryItem(t *testing.T) {
	d := openOn(t, 80, 60, &uitest.History{Recs: legNights()})
	d.keys("3")
	v := d.view()
	for _, want := range []string{"Started at", "21:40", "Where", "alternating", "Arms or elsewhere", "yes",
		"Worst moment", "8 of 10", "Lasted", "50 min", "Bed partner saw", "leg jerks or kicking",
		"Bedroom", "18.5 °C", "Bedding", "heavy", "Taken", "19:00", "iron 65 mg"} {
		if !strings.Contains(v, want) {
			t.Errorf("night detail lacks %q:\n%s", want, v)
		}
	}
}

func TestTrendsOnsetAndArms(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		d := openOn(t, size[0], size[1], &uitest.History{Recs: legNights()})
		d.keys("4", "o")
		v := d.view()
		for _, want := range []string{"Time symptoms started", "earliest 20:05", "latest 21:40", "Arms or elsewhere"} {
			if !strings.Contains(v, want) && size[0] == 80 {
				t.Errorf("%v: trends lack %q:\n%s", size, want, v)
			}
		}
		if size[0] == 80 && !strings.Contains(v, "1/2") {
			t.Errorf("arms by week: want 1/2 in the last week:\n%s", v)
		}
		for _, l := range strings.Split(v, "\n") {
			if len([]rune(l)) > size[0] {
				t.Errorf("%v: line wider than the screen: %q", size, l)
			}
		}
		d.keys("o")
		if !strings.Contains(d.view(), "Leg symptoms") {
			t.Errorf("o again does not go back to the ratings:\n%s", d.view())
		}
	}
}
