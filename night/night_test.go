package night

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/routine"
)

func TestOf(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		at   time.Time
		want string
	}{
		{"evening", time.Date(2026, 11, 22, 21, 30, 0, 0, time.UTC), "2026-11-22"},
		{"after midnight", time.Date(2026, 11, 23, 0, 40, 0, 0, time.UTC), "2026-11-22"},
		{"morning check-in", time.Date(2026, 11, 23, 7, 15, 0, 0, time.UTC), "2026-11-22"},
		{"just before boundary", time.Date(2026, 11, 23, 11, 59, 59, 0, time.UTC), "2026-11-22"},
		{"at boundary", time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), "2026-11-23"},
		{"new year", time.Date(2027, 1, 1, 3, 0, 0, 0, time.UTC), "2026-12-31"},
		{"local time, not UTC", time.Date(2026, 3, 29, 1, 30, 0, 0, berlin), "2026-03-28"},
		{"dst morning", time.Date(2026, 3, 29, 8, 0, 0, 0, berlin), "2026-03-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Of(tt.at, DefaultBoundary); got != tt.want {
				t.Errorf("Of(%v) = %s, want %s", tt.at, got, tt.want)
			}
		})
	}
}

func TestLast(t *testing.T) {
	tests := []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC), "2026-11-22"},
		{time.Date(2026, 11, 23, 0, 30, 0, 0, time.UTC), "2026-11-22"},
		{time.Date(2026, 11, 23, 13, 0, 0, 0, time.UTC), "2026-11-22"}, // a late riser
		{time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC), "2026-02-28"},
	}
	for _, tt := range tests {
		if got := Last(tt.at); got != tt.want {
			t.Errorf("Last(%v) = %s, want %s", tt.at, got, tt.want)
		}
	}
}

func TestCheckDate(t *testing.T) {
	tests := []struct{ date, want string }{
		{"2026-11-22", ""},
		{"1970-01-01", ""},
		{"9998-12-31", ""},
		{"1969-12-31", "1969-12-31 is out of range: nights from 1970-01-01 to 9998-12-31"},
		{"9999-01-01", "out of range"},
		{"9999-12-31", "out of range"}, // its morning is in year 10000
		{"0001-01-01", "out of range"},
		{"2026-02-30", "2026-02-30 does not exist: February 2026 has 28 days"},
		{"2028-02-30", "February 2028 has 29 days"},
		{"2026-13-01", "is not a date"},
		{"", "is not a date"},
	}
	for _, tt := range tests {
		err := CheckDate(tt.date)
		var fe *FieldError
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckDate(%q) = %v, want nil", tt.date, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckDate(%q) = %v, want %q", tt.date, err, tt.want)
		case tt.want != "" && (!errors.As(err, &fe) || fe.Field != FieldNight):
			t.Errorf("CheckDate(%q) = %#v, want a *FieldError naming night", tt.date, err)
		}
	}
}

// TestMainRunIsNeverATrial: a run at another speed than real time is kept
// but never the run a night is judged by.
func TestMainRunIsNeverATrial(t *testing.T) {
	trial := Run{Routine: "wind-down", Status: routine.Completed, Speed: 2000}
	real := Run{Routine: "quick", Status: routine.Partial, Speed: 1}
	old := Run{Routine: "quick", Status: routine.Abandoned} // speed not kept: real time
	tests := []struct {
		runs []Run
		want string
	}{
		{[]Run{trial}, ""},
		{[]Run{real, trial}, "quick"},
		{[]Run{trial, old}, "quick"},
	}
	for _, tt := range tests {
		got := Record{Runs: tt.runs}.MainRun()
		if (got == nil) != (tt.want == "") || got != nil && got.Routine != tt.want {
			t.Errorf("MainRun of %+v = %+v, want %q", tt.runs, got, tt.want)
		}
	}
	if !trial.Trial() || real.Trial() || old.Trial() {
		t.Error("Trial: want only the run at speed 2000")
	}
}
