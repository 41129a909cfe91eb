package night

import (
	"strings"
	"testing"
	"time"
)

// diary builds a check-in for night from clock strings, as a person types them.
func diary(t *testing.T, nightDate string, loc *time.Location, inBed, tried string, latency, awake int, final, out string) Checkin {
	t.Helper()
	var cs []Clock
	for _, s := range []string{inBed, tried, final, out} {
		c, err := ParseClock(s)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	ts, err := Resolve(nightDate, DefaultBoundary, loc, cs...)
	if err != nil {
		t.Fatal(err)
	}
	return Checkin{Night: nightDate, InBed: ts[0], TriedSleep: ts[1], LatencyMin: latency, AwakeMin: awake,
		FinalWake: ts[2], OutOfBed: ts[3], Quality: 3, Rested: 3, Onset: OnsetNone}
}

func TestFigures(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	newYork, _ := time.LoadLocation("America/New_York")
	tests := []struct {
		name           string
		night          string
		loc            *time.Location
		inBed, tried   string
		latency, awake int
		final, out     string
		tib, tst       int
		se             float64
	}{
		{"worked example 1", "2026-11-22", time.UTC, "22:00", "22:30", 18, 30, "06:30", "06:45", 525, 432, 82.29},
		{"worked example 2", "2026-11-22", time.UTC, "23:00", "23:00", 0, 0, "07:00", "07:00", 480, 480, 100},
		{"into bed after midnight", "2026-11-22", time.UTC, "00:40", "01:00", 10, 0, "07:00", "07:30", 410, 350, 85.37},
		{"tried after midnight", "2026-11-22", time.UTC, "23:30", "00:15", 15, 20, "06:00", "06:10", 400, 310, 77.5},
		{"no sleep at all", "2026-11-22", time.UTC, "23:00", "23:00", 0, 0, "23:00", "23:00", 0, 0, 0},
		// Clocks go forward at 02:00 on 29 March 2026 in Berlin: the night
		// is an hour shorter than its clock times suggest.
		{"Berlin spring forward", "2026-03-28", berlin, "22:00", "22:30", 18, 30, "06:30", "06:45", 465, 372, 80},
		// Clocks go back at 02:00 on 25 October 2026 in Berlin.
		{"Berlin fall back", "2026-10-24", berlin, "22:00", "22:30", 18, 30, "06:30", "06:45", 585, 492, 84.1},
		{"New York spring forward", "2026-03-07", newYork, "22:00", "22:30", 18, 30, "06:30", "06:45", 465, 372, 80},
		{"New York fall back", "2026-10-31", newYork, "23:00", "23:00", 0, 0, "07:00", "07:00", 540, 540, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := diary(t, tt.night, tt.loc, tt.inBed, tt.tried, tt.latency, tt.awake, tt.final, tt.out)
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			f := c.Figures()
			if f.TIB != tt.tib || f.TST != tt.tst || f.SE != tt.se {
				t.Errorf("TIB %d TST %d SE %.2f, want %d %d %.2f", f.TIB, f.TST, f.SE, tt.tib, tt.tst, tt.se)
			}
		})
	}
}

func TestValidateNamesTheField(t *testing.T) {
	good := func() Checkin { return diary(t, "2026-11-22", time.UTC, "22:00", "22:30", 18, 30, "06:30", "06:45") }
	tests := []struct {
		name  string
		edit  func(c *Checkin)
		field Field
		msg   string
	}{
		{"final before tried", func(c *Checkin) {
			*c = diary(t, "2026-11-22", time.UTC, "22:00", "22:30", 0, 0, "22:10", "22:20")
		}, "final", "final awakening (22:10) is before trying to sleep (22:30)"},
		{"tried before bed", func(c *Checkin) {
			*c = diary(t, "2026-11-22", time.UTC, "22:00", "21:30", 0, 0, "06:00", "06:10")
		}, "tried", "trying to sleep (21:30) is before getting into bed (22:00)"},
		{"latency and awake too long", func(c *Checkin) { c.LatencyMin, c.AwakeMin = 300, 200 }, "awake",
			"300 min to fall asleep plus 200 min awake is more than the 480 min"},
		{"quality high", func(c *Checkin) { c.Quality = 6 }, "quality", "6 is out of range (1-5)"},
		{"quality zero", func(c *Checkin) { c.Quality = 0 }, "quality", "out of range (1-5)"},
		{"rested", func(c *Checkin) { c.Rested = 9 }, "rested", "out of range (1-5)"},
		{"rls", func(c *Checkin) { c.RLSSeverity = 11 }, "rls", "11 is out of range (0-10)"},
		{"negative latency", func(c *Checkin) { c.LatencyMin = -1 }, "latency", "out of range"},
		{"awakenings", func(c *Checkin) { c.Awakenings = -2 }, "awakenings", "out of range"},
		{"got up", func(c *Checkin) { c.GotUp = 101 }, "got-up", "out of range"},
		{"onset", func(c *Checkin) { c.Onset = "noon" }, "onset", `"noon" is not one of`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good()
			tt.edit(&c)
			err := c.Validate()
			fe, ok := err.(*FieldError)
			if !ok {
				t.Fatalf("Validate() = %v, want a FieldError", err)
			}
			if fe.Field != tt.field || !strings.Contains(fe.Msg, tt.msg) {
				t.Errorf("got %s: %s\nwant %s: ...%s...", fe.Field, fe.Msg, tt.field, tt.msg)
			}
		})
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  string
	}{
		{"22:30", "22:30", ""},
		{"6:05", "06:05", ""},
		{" 0630 ", "06:30", ""},
		{"00:00", "00:00", ""},
		{"23:59", "23:59", ""},
		{"24:00", "", "outside 00:00-23:59"},
		{"12:60", "", "outside 00:00-23:59"},
		{"-1:30", "", "not a time"},
		{"ab:cd", "", "not a time"},
		{"7", "", "not a time"},
		{"", "", "not a time"},
		{"12:3", "", "not a time"},
		{"+1:30", "", "not a time"},
		{"2130", "21:30", ""},
		{"21.30", "21:30", ""},
		{"9:30pm", "21:30", ""},
		{"9.30 pm", "21:30", ""},
		{"9 PM", "21:00", ""},
		{"12:15am", "00:15", ""},
		{"12pm", "12:00", ""},
		{"13:00pm", "", "the hour is 1 to 12"},
		{"pm", "", "not a time"},
	}
	for _, tt := range tests {
		c, err := ParseClock(tt.in)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseClock(%q) error %v, want %q", tt.in, err, tt.err)
			}
		case err != nil:
			t.Errorf("ParseClock(%q): %v", tt.in, err)
		case c.String() != tt.want:
			t.Errorf("ParseClock(%q) = %s, want %s", tt.in, c, tt.want)
		}
	}
}

func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"22:30", "6:05", "0630", "24:00", "", "12:3", "٣:٠٠", "1:-1", "+1:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseClock(s)
		if err != nil {
			return
		}
		if c < 0 || c >= 24*60 {
			t.Fatalf("ParseClock(%q) = %d, outside the day", s, c)
		}
		if again, err := ParseClock(c.String()); err != nil || again != c {
			t.Fatalf("%q read as %s does not read back", s, c)
		}
	})
}
