package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

var update = flag.Bool("update", false, "rewrite testdata/report.md.golden and report.html.golden")

// loc is the fixture's time zone: fixed, so the test needs no tz database.
var loc = time.FixedZone("CET", 3600)

var settings = night.Settings{Boundary: 12, Checklist: []night.Item{
	{ID: "caffeine", Label: "Caffeine after noon"},
	{ID: "alcohol", Label: "Alcohol"},
	{ID: "long-sitting", Label: "Long sitting"},
	{ID: "late-screen", Label: "Screens <1 h before bed"},
	{ID: "magnesium", Label: "Magnesium", Kind: night.Remedy},
	{ID: "iron", Label: "Iron supplement", Kind: night.Remedy},
}}

// diary is a night's check-in from the clock times a person types.
type diary struct {
	inBed, tried, final, out    string
	latency, awakenings, awake  int
	quality, rested, sev, gotUp int
	onset                       night.Onset
	notes                       string
}

func (d diary) checkin(t testing.TB, date string) *night.Checkin {
	t.Helper()
	var cs []night.Clock
	for _, s := range []string{d.inBed, d.tried, d.final, d.out} {
		c, err := night.ParseClock(s)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	ts, err := night.Resolve(date, night.DefaultBoundary, loc, cs...)
	if err != nil {
		t.Fatal(err)
	}
	c := &night.Checkin{Night: date, InBed: ts[0], TriedSleep: ts[1], LatencyMin: d.latency,
		Awakenings: d.awakenings, AwakeMin: d.awake, FinalWake: ts[2], OutOfBed: ts[3],
		Quality: d.quality, Rested: d.rested, RLSSeverity: d.sev, Onset: d.onset, GotUp: d.gotUp,
		Notes: d.notes, RecordedAt: ts[3]}
	if err := c.Validate(); err != nil {
		t.Fatalf("%s: %v", date, err)
	}
	return c
}

// run is a run of a routine of total steps, started at 21:00: done steps
// done, then skipped ones skipped, then stopped unless all total ended.
func run(date, name, title string, total, done, skipped int, status routine.Status) night.Run {
	d, _ := time.ParseInLocation(night.Layout, date, loc)
	start := d.Add(21 * time.Hour)
	r := night.Run{Routine: name, Title: title, Status: status, StartedAt: start,
		Planned: time.Duration(total) * 5 * time.Minute}
	for i := range done + skipped {
		st, actual := routine.StepDone, 5*time.Minute
		if i >= done {
			st, actual = routine.StepSkipped, time.Minute
		}
		r.Steps = append(r.Steps, routine.StepResult{Index: i, Title: "step", Planned: 5 * time.Minute,
			Actual: actual, Status: st})
	}
	r.EndedAt = start.Add(time.Duration(done*5+skipped) * time.Minute)
	return r
}

// trial is r run as a trial, faster than real time.
func trial(r night.Run) night.Run {
	r.Speed = 60
	return r
}

// skipped is e with its checklist not answered.
func skipped(e *night.Evening) *night.Evening {
	e.ChecklistSkipped = true
	return e
}

func evening(date string, sym int, note string, tags ...string) *night.Evening {
	d, _ := time.ParseInLocation(night.Layout, date, loc)
	e := &night.Evening{Night: date, At: d.Add(20*time.Hour + 30*time.Minute), Tags: tags, Note: note}
	if sym >= 0 {
		e.Symptoms = &sym
	}
	return e
}

// fixture is 14 nights, Mon 9 to Sun 22 Nov 2026: full nights, evening-only,
// run-and-check-in, check-in-only and empty ones, a note with | and a line
// break, a tag (sauna) no longer on the checklist, a trial run (12 Nov, left
// out) and an evening whose checklist was not answered (22 Nov).
//
// The golden files' figures were checked by hand once (Dec 2026) from the
// diaries below: legs overnight 4+2+6+8+6+5+1+3+2+0+7 = 44 over 11 nights,
// mean 4.0, squared deviations 68, SD sqrt(6.8) = 2.6, on 10 of 11 nights
// above 0; TIB 495+540+465+415+510+495+495+490+510+480+460 = 5355 min, mean
// 486.8 = 8 h 7 min; into bed 630+600+660+675+660+645+615+630+600+750+640 =
// 7105 min after noon, mean 645.9 = 22:46; week of 9 Nov 6 check-ins, legs
// 31/6 = 5.2, routine completed on 9 and 10 Nov (2 of 7, the trial run on 12
// Nov not counted); week of 16 Nov legs 13/5 = 2.6, completed 4 of 7; 8
// evenings answered, caffeine on 4 (50 %).
func fixture(t testing.TB) []night.Record {
	const wd, wdT, calm, calmT = "wind-down", "Evening wind-down", "calm", "Calm legs"
	C, P, A := routine.Completed, routine.Partial, routine.Abandoned
	rec := func(date string, e *night.Evening, d *diary, runs ...night.Run) night.Record {
		r := night.Record{Night: date, Evening: e, Runs: runs}
		if d != nil {
			r.Checkin = d.checkin(t, date)
		}
		return r
	}
	return []night.Record{
		rec("2026-11-09", evening("2026-11-09", 5, "", "caffeine", "long-sitting"),
			&diary{"22:30", "22:45", "06:30", "06:45", 20, 2, 30, 3, 3, 4, 1, night.OnsetBedtime, ""},
			run("2026-11-09", wd, wdT, 5, 5, 0, C)),
		rec("2026-11-10", evening("2026-11-10", 3, "", "magnesium"),
			&diary{"22:00", "22:10", "06:40", "07:00", 10, 1, 10, 4, 4, 2, 0, night.OnsetNone, ""},
			run("2026-11-10", wd, wdT, 5, 4, 1, C)),
		rec("2026-11-11", evening("2026-11-11", 6, "Long drive today", "caffeine", "sauna"), nil),
		rec("2026-11-12", nil,
			&diary{"23:00", "23:10", "06:30", "06:45", 35, 2, 30, 2, 2, 6, 1, night.OnsetEvening, ""},
			trial(run("2026-11-12", wd, wdT, 5, 5, 0, C))),
		rec("2026-11-13", nil,
			&diary{"23:15", "23:30", "06:00", "06:10", 45, 3, 60, 2, 1, 8, 3, night.OnsetEvening, "Legs | bad\nup at 3"}),
		rec("2026-11-14", evening("2026-11-14", 4, "", "alcohol", "late-screen"),
			&diary{"23:00", "23:20", "07:10", "07:30", 30, 2, 25, 3, 2, 6, 2, night.OnsetBedtime, ""},
			run("2026-11-14", wd, wdT, 5, 3, 0, P)),
		rec("2026-11-15", nil,
			&diary{"22:45", "23:00", "06:50", "07:00", 25, 1, 15, 3, 3, 5, 1, night.OnsetEvening, ""},
			run("2026-11-15", wd, wdT, 5, 0, 1, A)),
		rec("2026-11-16", evening("2026-11-16", 2, "Warm bath *before* bed", "magnesium"),
			&diary{"22:15", "22:20", "06:20", "06:30", 10, 0, 0, 4, 4, 1, 0, night.OnsetNone, ""},
			run("2026-11-16", calm, calmT, 3, 3, 0, C)),
		// 17 Nov: nothing recorded.
		rec("2026-11-18", evening("2026-11-18", 4, "", "caffeine"),
			&diary{"22:30", "22:40", "06:30", "06:40", 15, 2, 20, 3, 3, 3, 0, night.OnsetBedtime, ""},
			run("2026-11-18", wd, wdT, 5, 5, 0, C)),
		rec("2026-11-19", nil,
			&diary{"22:00", "22:15", "06:15", "06:30", 20, 1, 10, 4, 3, 2, 0, night.OnsetBefore6, ""},
			run("2026-11-19", wd, wdT, 5, 0, 1, A), run("2026-11-19", wd, wdT, 5, 5, 0, C)),
		rec("2026-11-20", evening("2026-11-20", 7, "Restless after dinner | took a walk\nthen read a book",
			"caffeine", "alcohol", "sauna"), nil,
			run("2026-11-20", calm, calmT, 3, 1, 0, P)),
		rec("2026-11-21", evening("2026-11-21", -1, ""),
			&diary{"00:30", "00:40", "08:00", "08:30", 10, 1, 5, 5, 4, 0, 0, night.OnsetNone, ""},
			run("2026-11-21", wd, wdT, 5, 5, 0, C)),
		rec("2026-11-22", skipped(evening("2026-11-22", 6, "")),
			&diary{"22:40", "22:50", "06:00", "06:20", 30, 2, 40, 2, 2, 7, 2, night.OnsetBedtime, ""}),
	}
}

func options() Options {
	return Options{From: "2026-11-09", To: "2026-11-22", Settings: settings,
		Now: time.Date(2026, 11, 23, 8, 0, 0, 0, loc)}
}

func TestGolden(t *testing.T) {
	for _, f := range []Format{Markdown, HTML} {
		t.Run(string(f), func(t *testing.T) {
			o := options()
			o.Format = f
			var buf bytes.Buffer
			if err := Write(&buf, fixture(t), o); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "report."+string(f)+".golden")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report/ -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("report differs from %s (go test ./report/ -update rewrites it):\n%s", path, buf.String())
			}
		})
	}
}

// TestHTMLSelfContained: nothing in the HTML reaches outside the file, and
// it carries print styles and both charts.
func TestHTMLSelfContained(t *testing.T) {
	o := options()
	o.Format = HTML
	var buf bytes.Buffer
	if err := Write(&buf, fixture(t), o); err != nil {
		t.Fatal(err)
	}
	h := buf.String()
	for _, bad := range []string{"http:", "https:", "<script", "<link", "@import", "url(", "src="} {
		if strings.Contains(h, bad) {
			t.Errorf("HTML holds %q", bad)
		}
	}
	for _, want := range []string{"@page", "@media print", "<svg", "Legs overnight, rated the next morning (0-10), a bar a night",
		"Sleep efficiency (%), a bar a night", "not a clinical score", "Legs | bad up at 3"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Count(h, "<svg") != 2 {
		t.Errorf("%d charts, want 2", strings.Count(h, "<svg"))
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": Markdown, "md": Markdown, "markdown": Markdown, "html": HTML} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || !strings.Contains(err.Error(), "want md or html") {
		t.Errorf("ParseFormat(pdf): %v", err)
	}
	err := Write(&bytes.Buffer{}, nil, Options{From: "2026-11-09", To: "2026-11-09", Format: "pdf"})
	if err == nil {
		t.Error("Write with format pdf: no error")
	}
}

// TestTableNeverBreaks checks every row of the two tables of nights has
// its header's cells, whatever the notes and labels hold.
func TestTableNeverBreaks(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, fixture(t), options()); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		section string
		cells   int
	}{{"## Sleep diary, night by night\n", 16}, {"## Evenings, night by night\n", 6}} {
		_, rest, _ := strings.Cut(buf.String(), tt.section)
		table, _, _ := strings.Cut(rest, "\n## ")
		rows := 0
		for _, line := range strings.Split(table, "\n") {
			if !strings.HasPrefix(line, "|") {
				continue
			}
			rows++
			if cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") - 1; cells != tt.cells {
				t.Errorf("%d cells, want %d: %s", cells, tt.cells, line)
			}
		}
		if rows != 2+14 {
			t.Errorf("%s: %d table lines, want header, rule and 14 nights", tt.section, rows)
		}
	}
}

func TestWrite(t *testing.T) {
	outside := fixture(t)[0]
	outside.Night = "2026-12-01"
	odd := fixture(t)[0]
	odd.Runs[0].Status, odd.Runs[0].EndedAt = routine.Running, time.Time{}
	odd.Checkin.Onset = ""
	odd.Evening.Note = "# not a heading"
	later := fixture(t)[1]
	later.Night = odd.Night
	tests := []struct {
		name      string
		recs      []night.Record
		from, to  string
		want      []string // in the report, in this order
		notWant   []string
		wantError string
	}{
		{name: "empty period", from: "2026-11-09", to: "2026-11-22",
			want: []string{"# quietlegs report\n", "14 nights, Mon 9 Nov to Sun 22 Nov 2026.",
				"- Nights with any record: 0 of 14\n", "There are no records for the nights in this period.",
				"Made with quietlegs. Self-reported; not a clinical assessment; not medical advice.\n"},
			notWant: []string{"## Routine adherence", "| Night |"}},
		{name: "records outside the period are left out", recs: []night.Record{outside},
			from: "2026-11-09", to: "2026-11-22",
			want: []string{"- Nights with any record: 0 of 14\n", "There are no records"}},
		{name: "one night", recs: fixture(t)[:1], from: "2026-11-09", to: "2026-11-09",
			want: []string{"1 night, Mon 9 Nov 2026.",
				"| Mon 9 Nov | 22:30 | 22:45 | 20 min | 2 | 30 min | 06:30 | 06:45 | 3 | 3 | 8 h 15 min | 6 h 55 min | 83.8 | 4 | at bedtime | 1 |",
				"| Completed | 1 | 100 % |"}},
		{name: "unfinished run, unanswered onset", recs: []night.Record{odd}, from: "2026-11-09", to: "2026-11-09",
			want: []string{"| unfinished | 5 done |", "| # not a heading |",
				"| Unfinished (still marked running) | 1 | 100 % |", "| Not run | 0 | 0 % |", "| not answered | 1 | 100 % |"}},
		{name: "of two records for a night the later counts", recs: []night.Record{odd, later},
			from: "2026-11-09", to: "2026-11-09",
			want: []string{"- Nights with any record: 1 of 1\n", "| completed | 4/5 |", "| Completed | 1 | 100 % |"}},
		{name: "across a new year", from: "2026-12-30", to: "2027-01-02",
			want: []string{"4 nights, Wed 30 Dec 2026 to Sat 2 Jan 2027."}},
		{name: "bad from", from: "9 Nov", to: "2026-11-22", wantError: `from "9 Nov"`},
		{name: "bad to", from: "2026-11-09", to: "", wantError: `to ""`},
		{name: "ends before it starts", from: "2026-11-22", to: "2026-11-09", wantError: "ends (2026-11-09) before"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, tt.recs, Options{From: tt.from, To: tt.to, Settings: settings,
				Now: time.Date(2026, 11, 23, 8, 0, 0, 0, loc)})
			if tt.wantError != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantError) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("missing (or out of order) %q in:\n%s", w, got)
				}
				at += i + len(w)
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("has %q, want not", w)
				}
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	err := Write(failWriter{}, fixture(t), options())
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("error %v, want disk full", err)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ name, got, want string }{
		{"esc pipe and newline", esc("a | b\nc"), `a \| b c`},
		{"esc emphasis and code", esc("*x* _y_ `z` ~w~"), "\\*x\\* \\_y\\_ \\`z\\` \\~w\\~"},
		{"esc html and links", esc("<b>[x](y)"), `\<b\>\[x\](y)`},
		{"esc backslash", esc(`a\b`), `a\\b`},
		{"esc entity only", esc("A & B &amp; &#38;"), `A & B \&amp; \&#38;`},
		{"escLead heading", escLead("# big"), `\# big`},
		{"escLead list", escLead("- x"), `\- x`},
		{"escLead ordered", escLead("12. x"), `12\. x`},
		{"escLead plain", escLead("On nights"), "On nights"},
		{"clip short", clip("short", 40), "short"},
		{"clip runes", clip("ééééé", 4), "ééé…"},
		{"clip trims space", clip("ab cd", 4), "ab…"},
		{"pct half up", pct(1, 8), "13 %"},
		{"pct none", pct(0, 0), none},
		{"avg1 half up", avg1(1, 4), "0.3"},
		{"avg1 whole", avg1(12, 3), "4.0"},
		{"sleepEff", sleepEff(415, 495), "83.8"},
		{"sleepEff half up", sleepEff(1, 8), "12.5"},
		{"sleepEff no TIB", sleepEff(0, 0), none},
		{"fixed1", fixed1(85.25), "85.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
