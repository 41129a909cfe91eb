package night

import (
	"testing"
	"time"
)

func TestScreenMsgLeavesOutFlags(t *testing.T) {
	for _, tt := range []struct{ msg, want string }{
		{"21:00 does not agree with symptoms starting at bedtime (--onset)", "21:00 does not agree with symptoms starting at bedtime"},
		{"the worst moment (3) is milder than the night as a whole (--rls 5)", "the worst moment (3) is milder than the night as a whole"},
		{"none, but leg symptoms were rated 3 (--rls): say when they started", "none, but leg symptoms were rated 3: say when they started"},
		{"type a number (0 if none)", "type a number (0 if none)"},
	} {
		if got := (&FieldError{Msg: tt.msg}).ScreenMsg(); got != tt.want {
			t.Errorf("ScreenMsg(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

// On the day the clocks change, "before 6 pm" still means before 18:00 on
// the clock.
func TestOnsetBefore6pmOnTheDayTheClocksChange(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip(err)
	}
	for _, tt := range []struct {
		date  string
		onset Onset
		h, m  int
	}{
		{"2026-03-29", OnsetBefore6, 17, 30}, // spring: the day is 23 hours long
		{"2026-03-29", OnsetEvening, 18, 30},
		{"2026-10-25", OnsetBefore6, 17, 30}, // autumn: 25 hours
		{"2026-10-25", OnsetEvening, 18, 30},
	} {
		d, _ := time.ParseInLocation(Layout, tt.date, berlin)
		c := Checkin{Night: tt.date, Onset: tt.onset, RLSSeverity: 5,
			OnsetAt: time.Date(d.Year(), d.Month(), d.Day(), tt.h, tt.m, 0, 0, berlin),
			InBed:   time.Date(d.Year(), d.Month(), d.Day(), 23, 0, 0, 0, berlin)}
		if err := c.onsetAgrees(); err != nil {
			t.Errorf("%s %02d:%02d %s: %v", tt.date, tt.h, tt.m, tt.onset, err)
		}
	}
}
