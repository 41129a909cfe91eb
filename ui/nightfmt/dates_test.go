package nightfmt

import "testing"

func TestDateArithmetic(t *testing.T) {
	tests := []struct{ got, want string }{
		{AddDays("2026-03-01", -1), "2026-02-28"},
		{AddMonths("2026-01-31", 1), "2026-02-28"},
		{AddMonths("2024-03-31", -1), "2024-02-29"},
		{AddMonths("2026-12-15", 1), "2027-01-15"},
		{MonthStart("2026-11-21"), "2026-11-01"},
		{MonthEnd("2026-02-10"), "2026-02-28"},
		{Weekday("2026-11-23"), "Mo"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %s, want %s", tt.got, tt.want)
		}
	}
	if n := DaysBetween("2026-03-28", "2026-03-30"); n != 2 {
		t.Errorf("daysBetween = %d", n)
	}
}
