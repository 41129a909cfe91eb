package insight

import (
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/night"
)

// withTemps gives the first nights' evening logs a bedroom temperature.
func withTemps(rs []night.Record, temps ...float64) []night.Record {
	for i, c := range temps {
		c := c
		rs[i].Evening.RoomTempC = &c
	}
	return rs
}

func TestRoomTemperatureBands(t *testing.T) {
	var ns []nt
	var temps []float64
	for i := range 40 {
		// Warm and cool in runs of two nights, symptoms following the room.
		warm := i/2%2 == 0
		sym, temp := 2+i%3, 17.0
		if warm {
			sym, temp = 6+i%3, 21.5
		}
		ns = append(ns, nt{sym: sym})
		temps = append(temps, temp)
	}
	r := Compute(withTemps(recs(ns...), temps...), night.Settings{})
	c := find(t, r, RoomID, Symptoms)
	if c.NWith != 20 || c.NWithout != 20 || !c.Estimable() || !c.Holds || c.Difference == nil || *c.Difference <= 3 {
		t.Errorf("room comparison %+v", c)
	}
	if s := c.Sentence(); !strings.HasPrefix(s, "On nights with the bedroom 19 °C or warmer, leg symptoms the next morning averaged") ||
		!strings.Contains(s, "than on nights it was cooler (20 and 20 nights") {
		t.Errorf("sentence %q", s)
	}
	// Nights without a temperature count on neither side.
	r = Compute(withTemps(recs(ns...), temps[:6]...), night.Settings{})
	if c := find(t, r, RoomID, Symptoms); c.NWith+c.NWithout != 6 || c.Estimable() || c.Holds {
		t.Errorf("six nights with a temperature: %+v, want counted and not estimated (fewer than %d a side)", c, MinNights)
	}
	// Without any temperature there is no comparison at all.
	for _, c := range Compute(recs(ns...), night.Settings{}).Comparisons {
		if c.Item == RoomID {
			t.Errorf("a room comparison with no temperatures: %+v", c)
		}
	}
	if l := roomLabel(night.Fahrenheit); l != "Bedroom 66.2 °F or warmer" {
		t.Errorf("label in °F: %q", l)
	}
}
