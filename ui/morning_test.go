package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// tMorning is the morning after t0's night, Sunday 22 November.
var tMorning = time.Date(2026, 11, 23, 7, 15, 0, 0, time.UTC)

// checkinOf builds a night's check-in from clock strings, as typed.
func checkinOf(t *testing.T, nightDate, inBed, tried string, latency, awakenings, awake int, final, out string) night.Checkin {
	t.Helper()
	var cs []night.Clock
	for _, s := range []string{inBed, tried, final, out} {
		c, err := night.ParseClock(s)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	ts, err := night.Resolve(nightDate, 12, time.UTC, cs...)
	if err != nil {
		t.Fatal(err)
	}
	return night.Checkin{Night: nightDate, InBed: ts[0], TriedSleep: ts[1], LatencyMin: latency, Awakenings: awakenings,
		AwakeMin: awake, FinalWake: ts[2], OutOfBed: ts[3], Quality: 3, Rested: 3, RLSSeverity: 4,
		Onset: night.OnsetBedtime, GotUp: 1, Notes: "old note"}
}

// withLastCheckin is a diary whose latest check-in is the night before last.
func withLastCheckin(t *testing.T) *fakeDiary {
	d := newFakeDiary()
	d.checkins["2026-11-21"] = checkinOf(t, "2026-11-21", "22:00", "22:30", 18, 2, 30, "06:30", "06:45")
	return d
}

// withThisNight is a diary whose last night already has the worked
// example's check-in: the form opens it to edit, every field answered.
func withThisNight(t *testing.T) *fakeDiary {
	d := newFakeDiary()
	d.checkins["2026-11-22"] = checkinOf(t, "2026-11-22", "22:00", "22:30", 18, 2, 30, "06:30", "06:45")
	return d
}

func startMorning(t *testing.T, w, h int, o testOptions) *harness {
	t.Helper()
	o.Start, o.Clock = StartMorning, routine.NewFakeClock(tMorning)
	return newHarness(t, o, w, h)
}

func (hs *harness) morning() *morning {
	hs.t.Helper()
	m, ok := hs.root.top().(*morning)
	if !ok {
		hs.t.Fatalf("screen is %T, not the check-in:\n%s", hs.root.top(), hs.view())
	}
	return m
}

// answer types each value into its field, enter after each.
func (hs *harness) answer(values ...string) {
	for _, v := range values {
		hs.typeText(v)
		hs.key("enter")
	}
}

// under is the text of the indented lines under the line holding label:
// where a field's answer and its problem are drawn.
func under(view, label string) string {
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		if !strings.Contains(l, label) {
			continue
		}
		var out []string
		for _, next := range lines[i+1:] {
			if !strings.HasPrefix(next, "    ") {
				break
			}
			out = append(out, strings.TrimSpace(next))
		}
		return strings.Join(out, " ")
	}
	return ""
}

func TestCheckinByKeyboard(t *testing.T) {
	tests := []struct {
		name                 string
		inBed, tried         string
		final, out           string
		wantInBed, wantFinal time.Time
		figures              []string
	}{
		{"worked example", "22:00", "22:30", "06:30", "06:45",
			time.Date(2026, 11, 22, 22, 0, 0, 0, time.UTC), time.Date(2026, 11, 23, 6, 30, 0, 0, time.UTC),
			[]string{"8 h 45 min", "7 h 12 min", "82 %"}},
		{"tried after midnight, typed as 4 digits", "2330", "0015", "0600", "0610",
			time.Date(2026, 11, 22, 23, 30, 0, 0, time.UTC), time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC),
			[]string{"6 h 40 min", "4 h 57 min", "74 %"}},
		// (Up at 07:10: the clock reads 07:15, and a later time has not
		// happened yet.)
		{"into bed after midnight", "00:40", "01:00", "07:00", "07:10",
			time.Date(2026, 11, 23, 0, 40, 0, 0, time.UTC), time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC),
			[]string{"6 h 30 min", "5 h 12 min", "80 %"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := startMorning(t, 80, 24, testOptions{})
			hs.answer(tt.inBed, tt.tried, "18", "2", "30", tt.final, tt.out, "3", "4", "5", "a", "1", "", "restless at 2")
			d := hs.diary
			if len(d.savedCheckins) != 1 {
				t.Fatalf("%d saves, want 1:\n%s", len(d.savedCheckins), hs.view())
			}
			c := d.savedCheckins[0]
			if c.Night != "2026-11-22" || !c.InBed.Equal(tt.wantInBed) || !c.FinalWake.Equal(tt.wantFinal) ||
				c.LatencyMin != 18 || c.Awakenings != 2 || c.AwakeMin != 30 || c.Quality != 3 || c.Rested != 4 ||
				c.RLSSeverity != 5 || c.Onset != night.OnsetBedtime || c.GotUp != 1 || c.Notes != "restless at 2" ||
				!c.RecordedAt.Equal(tMorning) {
				t.Errorf("saved %+v", c)
			}
			if got := hs.morning().form.Field("in-bed").Value(); got != night.ClockOf(tt.wantInBed).String() {
				t.Errorf("into bed reads %q, not as HH:MM", got)
			}
			v := hs.view()
			for _, want := range append(tt.figures, "Check-in saved.") {
				if !strings.Contains(v, want) {
					t.Errorf("confirmation lacks %q:\n%s", want, v)
				}
			}
		})
	}
}

func TestCheckinPrefill(t *testing.T) {
	ended := func(date string, at time.Time) *night.Run {
		return &night.Run{Night: date, EndedAt: at, Status: routine.Completed}
	}
	tests := []struct {
		name         string
		session      *night.Run
		last         bool
		inBed, tried string
	}{
		{"last check-in", nil, true, "22:00", "22:30"},
		{"routine ended this night, before trying", ended("2026-11-22", time.Date(2026, 11, 22, 22, 14, 29, 0, time.UTC)), true, "22:14", "22:30"},
		{"routine ended after the usual try: try then", ended("2026-11-22", time.Date(2026, 11, 22, 22, 41, 40, 0, time.UTC)), true, "22:42", "22:42"},
		{"routine of another night", ended("2026-11-21", time.Date(2026, 11, 21, 23, 5, 0, 0, time.UTC)), true, "22:00", "22:30"},
		{"routine not ended", &night.Run{Night: "2026-11-22", Status: routine.Running}, true, "22:00", "22:30"},
		{"routine only", ended("2026-11-22", time.Date(2026, 11, 23, 0, 10, 0, 0, time.UTC)), false, "00:10", "00:10"},
		{"nothing known", nil, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDiary()
			if tt.last {
				d = withLastCheckin(t)
			}
			d.session = tt.session
			hs := startMorning(t, 80, 24, testOptions{Diary: d})
			m := hs.morning()
			f := m.form.Field
			if got, got2 := f("in-bed").Value(), f("tried").Value(); got != tt.inBed || got2 != tt.tried {
				t.Errorf("into bed %q, tried %q; want %q, %q", got, got2, tt.inBed, tt.tried)
			}
			if tt.inBed != "" && (!f("in-bed").Suggested() || !strings.Contains(hs.view(), tt.inBed+" suggested")) {
				t.Errorf("into bed not drawn as a suggestion:\n%s", hs.view())
			}
			// Yesterday's ratings and counts are not today's: all empty.
			for _, k := range []string{"latency", "awakenings", "awake", "got-up", "note"} {
				if v := f(k).Value(); v != "" {
					t.Errorf("%s prefilled with %q", k, v)
				}
			}
			for _, k := range []string{"quality", "rested", "rls", "onset"} {
				if sel := f(k).Selected(); sel != -1 {
					t.Errorf("%s prefilled with option %d", k, sel)
				}
			}
			if !tt.last {
				return
			}
			// Enter through every field, then ctrl+s: nothing is saved,
			// and the first unanswered question is marked and in focus.
			for range 14 {
				hs.key("enter")
			}
			hs.key("ctrl+s")
			if len(d.savedCheckins) != 0 {
				t.Fatalf("enter through a new night's form saved %+v", d.savedCheckins)
			}
			if cur := m.form.Current(); cur.Key() != "latency" || cur.Err() != "type a number (0 if none)" {
				t.Errorf("focus on %s (%q), want latency with its problem:\n%s", cur.Key(), cur.Err(), hs.view())
			}
			if f("in-bed").Suggested() || f("tried").Suggested() {
				t.Error("times entered through are still only suggested")
			}
		})
	}
}

func TestCheckinValidatesAtTheField(t *testing.T) {
	// enter moves field by field; at n presses the form is on field n.
	to := func(n int, then ...string) func(hs *harness) {
		return func(hs *harness) {
			for range n {
				hs.key("enter")
			}
			for _, k := range then {
				switch {
				case strings.HasPrefix(k, "paste:"):
					hs.send(pasteMsg(strings.TrimPrefix(k, "paste:")))
				case k == "enter" || k == "ctrl+s" || k == "ctrl+u":
					hs.key(k)
				default:
					hs.typeText(k)
				}
			}
		}
	}
	big := strings.Repeat("9", 2048)
	tests := []struct {
		name, field, label, msg string
		fresh                   bool
		keys                    func(hs *harness)
		// saves is how many saves ctrl+s makes afterwards: none while
		// the problem stands.
		saves int
	}{
		{"hour past 23", "in-bed", "Got into bed", `"25:00" is outside 00:00-23:59`, false, to(0, "25:00", "enter"), 0},
		{"minute past 59", "out", "Got out of bed", `"07:60" is outside 00:00-23:59`, false, to(6, "07:60", "enter"), 0},
		{"not a time", "tried", "Tried to go to sleep", `"ab:cd" is not a time`, false, to(1, "ab:cd", "enter"), 0},
		{"one digit", "out", "Got out of bed", `"7" is not a time`, false, to(6, "7", "enter"), 0},
		{"tried before bed", "tried", "Tried to go to sleep", "trying to sleep (21:30) is before getting into bed (22:00)", false, to(1, "21:30", "enter"), 0},
		{"final before trying", "final", "Woke for the last time", "final awakening (22:10) is before trying to sleep (22:30)", false, to(5, "22:10", "enter"), 0},
		{"latency not a number", "latency", "Minutes to fall asleep", `"abc" is not a number`, false, to(2, "abc", "enter"), 0},
		{"latency left empty", "latency", "Minutes to fall asleep", "type a number (0 if none)", false, to(2, "ctrl+u", "enter"), 0},
		{"latency over a day", "latency", "Minutes to fall asleep", "2000 is out of range (0-1440)", false, to(2, "2000", "enter"), 0},
		{"awakenings", "awakenings", "Times you woke", "101 is out of range (0-100)", false, to(3, "101", "enter"), 0},
		{"got up", "got-up", "Got up because of your legs", "101 is out of range (0-100)", false, to(11, "101", "enter"), 0},
		{"awake too long", "awake", "Minutes awake, all told", "18 min to fall asleep plus 500 min awake is more than the 480 min", false, to(4, "500", "enter"), 0},
		{"latency too long, shown at awake on saving", "awake", "Minutes awake, all told", "470 min to fall asleep plus 30 min awake", false, to(2, "470", "ctrl+s"), 0},
		{"2 KB paste into a number", "latency", "Minutes to fall asleep", "that paste is 2048 characters, more than fits here (4); nothing was pasted", false, to(2, "paste:"+big), 1},
		{"paste of garbage that fits", "awake", "Minutes awake, all told", `"x;1" is not a number`, false, to(4, "paste:x;1\n", "enter"), 0},
		{"quality unanswered", "quality", "Sleep quality", "choose one: ←/→, or type 1-5", true,
			func(hs *harness) { hs.answer("22:00", "22:30", "18", "2", "30", "06:30", "06:45", "") }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := withThisNight(t)
			if tt.fresh {
				d = newFakeDiary()
			}
			hs := startMorning(t, 80, 24, testOptions{Diary: d})
			tt.keys(hs)
			m := hs.morning()
			f := m.form.Field(tt.field)
			if !strings.Contains(f.Err(), tt.msg) {
				t.Errorf("%s has error %q, want %q", tt.field, f.Err(), tt.msg)
			}
			if cur := m.form.Current(); cur != f {
				t.Errorf("focus on %s, want %s with its problem", cur.Key(), tt.field)
			}
			if got := under(hs.view(), tt.label); !strings.Contains(got, "⚠ "+tt.msg) {
				t.Errorf("message not shown under %q; under it: %q\n%s", tt.label, got, hs.view())
			}
			for _, other := range m.form.Fields() {
				if other != f && other.Err() != "" {
					t.Errorf("%s also has an error: %s", other.Key(), other.Err())
				}
			}
			hs.key("ctrl+s")
			if len(d.savedCheckins) != tt.saves {
				t.Errorf("%d saves, want %d", len(d.savedCheckins), tt.saves)
			}
		})
	}
}

// TestCheckinPasteKeepsTheValue: a refused paste leaves what was there.
func TestCheckinPasteKeepsTheValue(t *testing.T) {
	hs := startMorning(t, 40, 12, testOptions{Diary: withThisNight(t)})
	hs.keys("enter", "enter")
	hs.send(pasteMsg(strings.Repeat("€", 2048)))
	if got := hs.morning().form.Field("latency").Value(); got != "18" {
		t.Errorf("latency %q after a refused paste, want 18", got)
	}
	checkSize(t, hs.view(), 40, 12)
}

func TestCheckinChoiceKeys(t *testing.T) {
	tests := []struct {
		name, field string
		keys        []string
		want        string
	}{
		{"digit", "quality", []string{"4"}, "good"},
		{"first letter", "quality", []string{"g"}, "good"},
		{"first letter, shared", "quality", []string{"v"}, "very good"},
		{"same letter again moves on", "quality", []string{"v", "v"}, "very poor"},
		{"letter once", "quality", []string{"p"}, "poor"},
		{"arrows", "quality", []string{"right", "right"}, "very good"},
		{"arrows wrap", "quality", []string{"left", "left", "left"}, "very good"},
		{"space", "rested", []string{"space"}, "well-rested"},
		{"ten", "rls", []string{"1", "0"}, "10"},
		{"one then three", "rls", []string{"1", "0", "3"}, "3"},
		{"onset letter", "onset", []string{"b"}, "before 6 pm"},
		{"onset none", "onset", []string{"n"}, "no symptoms"},
		{"ignored key", "onset", []string{"z"}, "at bedtime"},
	}
	index := map[string]int{"quality": 7, "rested": 8, "rls": 9, "onset": 10}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := startMorning(t, 80, 24, testOptions{Diary: withThisNight(t)})
			for range index[tt.field] {
				hs.key("enter")
			}
			hs.keys(tt.keys...)
			f := hs.morning().form.Field(tt.field)
			if f.Selected() < 0 || f.Options()[f.Selected()].Label != tt.want {
				t.Errorf("%s is %d, want %q", tt.field, f.Selected(), tt.want)
			}
		})
	}
}

// TestCheckinEditsTheNight: old values show, and saving replaces them.
func TestCheckinEditsTheNight(t *testing.T) {
	d := withLastCheckin(t)
	old := checkinOf(t, "2026-11-22", "23:10", "23:20", 5, 1, 10, "06:50", "07:05")
	old.Notes = "calm night"
	d.checkins["2026-11-22"] = old
	hs := startMorning(t, 80, 24, testOptions{Diary: d})
	v := hs.view()
	for _, want := range []string{"Editing the check-in for the night of Sun 22 Nov", "23:10", "23:20", "06:50", "calm night"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	for range 7 {
		hs.key("enter")
	}
	hs.keys("5", "ctrl+s")
	if len(d.savedCheckins) != 1 || len(d.checkins) != 2 {
		t.Fatalf("%d saves, %d nights; want 1 save replacing the night", len(d.savedCheckins), len(d.checkins))
	}
	c := d.checkins["2026-11-22"]
	if c.Quality != 5 || !c.InBed.Equal(old.InBed) || c.LatencyMin != 5 || c.Notes != "calm night" {
		t.Errorf("saved %+v", c)
	}
	if v := hs.view(); !strings.Contains(v, "Check-in updated.") {
		t.Errorf("no confirmation:\n%s", v)
	}
}

// TestCheckinPastNight: Options.Night opens a past night.
func TestCheckinPastNight(t *testing.T) {
	hs := startMorning(t, 80, 24, testOptions{Diary: withLastCheckin(t), Night: "2026-11-20"})
	if v := hs.view(); !strings.Contains(v, "Night of Fri 20 Nov") {
		t.Errorf("view does not name the night:\n%s", v)
	}
	// ctrl+s at once saves nothing: the times are only suggested.
	hs.key("ctrl+s")
	if c := hs.diary.savedCheckins; len(c) != 0 {
		t.Fatalf("saved suggestions: %+v", c)
	}
	if f := hs.morning().form.Current(); f.Key() != "in-bed" || !strings.Contains(f.Err(), "only suggested") {
		t.Errorf("focus on %s (%q), want into bed, only suggested", f.Key(), f.Err())
	}
	hs.answer("", "", "18", "2", "30", "", "", "3", "3", "4", "b", "1", "", "")
	if c := hs.diary.savedCheckins; len(c) != 1 || c[0].Night != "2026-11-20" || c[0].InBed.Day() != 20 || night.ClockOf(c[0].InBed) != 22*60 {
		t.Errorf("saved %+v", c)
	}
}

func TestCheckinSaveErrorKeepsAnswers(t *testing.T) {
	d := withThisNight(t)
	d.fail = errDiskFull
	hs := startMorning(t, 80, 24, testOptions{Diary: d})
	hs.typeText("22:05")
	hs.key("ctrl+s")
	v := hs.view()
	if !strings.Contains(v, "not saved: disk I/O error") || !strings.Contains(v, "22:05") {
		t.Errorf("failed save not shown, or answers lost:\n%s", v)
	}
	d.fail = nil
	hs.key("ctrl+s")
	if len(d.savedCheckins) != 1 || night.ClockOf(d.savedCheckins[0].InBed).String() != "22:05" {
		t.Errorf("retry saved %+v", d.savedCheckins)
	}
}

// TestCheckinLeaving: esc with changes asks; the confirmation closes, to
// home when opened from there.
func TestCheckinLeaving(t *testing.T) {
	tests := []struct {
		name     string
		fromHome bool
		keys     []string
		home     bool
		quit     bool
		saves    int
	}{
		{"esc untouched, from home", true, []string{"esc"}, true, false, 0},
		{"esc untouched, started on it", false, []string{"esc"}, false, true, 0},
		{"esc after a change asks; n stays", true, []string{"5", "esc", "n"}, false, false, 0},
		{"esc after a change asks; y leaves", true, []string{"5", "esc", "y"}, true, false, 0},
		{"saved, enter goes home", true, []string{"ctrl+s", "enter"}, true, false, 1},
		{"saved, q closes", false, []string{"ctrl+s", "q"}, false, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hs *harness
			if tt.fromHome {
				hs = newHarness(t, testOptions{Library: testLibrary(), Clock: routine.NewFakeClock(tMorning), Diary: withThisNight(t)}, 80, 24)
				hs.key("m")
				hs.morning()
			} else {
				hs = startMorning(t, 80, 24, testOptions{Diary: withThisNight(t)})
			}
			quit := hs.keys(tt.keys...)
			_, home := hs.root.top().(*home)
			if home != tt.home || quit != tt.quit || len(hs.diary.savedCheckins) != tt.saves {
				t.Errorf("home %v quit %v saves %d; want %v %v %d\n%s", home, quit, len(hs.diary.savedCheckins),
					tt.home, tt.quit, tt.saves, hs.view())
			}
		})
	}
}

// TestCheckinAsksTheHalfOfTheClock: a time likely on the wrong half of the
// clock is asked about at its field, and a key picks the answer.
func TestCheckinAsksTheHalfOfTheClock(t *testing.T) {
	hs := startMorning(t, 80, 24, testOptions{})
	hs.answer("9:30", "22:30", "18", "2", "30", "06:30", "06:45", "3", "3", "4", "b", "1", "", "")
	m := hs.morning()
	f := m.form.Field("in-bed")
	if len(hs.diary.savedCheckins) != 0 || m.form.Current() != f || !f.Asking() || f.Err() != "09:30 in the morning, or 21:30?" {
		t.Fatalf("saves %d, focus %s, asking %v %q:\n%s", len(hs.diary.savedCheckins), m.form.Current().Key(), f.Asking(), f.Err(), hs.view())
	}
	if got := under(hs.view(), "Got into bed"); !strings.Contains(got, "? 09:30 in the morning, or 21:30? a: 09:30 in the morning b: 21:30") {
		t.Errorf("question not shown under the field: %q", got)
	}
	hs.key("b")
	if f.Value() != "21:30" || f.Err() != "" || m.form.Current() != f {
		t.Errorf("after b: %q, %q, focus %s", f.Value(), f.Err(), m.form.Current().Key())
	}
	hs.key("ctrl+s")
	if c := hs.diary.savedCheckins; len(c) != 1 || night.ClockOf(c[0].InBed) != 21*60+30 || c[0].InBed.Day() != 22 {
		t.Errorf("saved %+v", c)
	}
}

// The form is drawn before the night's answers are read: a paste (or a
// key) that comes first is answered on the form read, not lost with the
// empty one it replaces.
func TestCheckinKeysBeforeTheAnswersAreRead(t *testing.T) {
	hs := newHarness(t, testOptions{Library: testLibrary()}, 80, 24)
	m := newMorning(hs.root.sh, "2026-11-22", leaveQuits)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(tea.PasteMsg{Content: strings.Repeat("1", 40)})
	m.Update(m.Init()())
	if v := ansi.Strip(m.View()); !strings.Contains(v, "that paste is 40 characters") {
		t.Errorf("a paste before the answers were read is gone:\n%s", v)
	}
	m.Update(tea.PasteMsg{Content: "2215"})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "2215") {
		t.Errorf("a paste after them is not in the field:\n%s", v)
	}
}
