package archive

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

var cet = time.FixedZone("", 3600)

func at(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, cet) }

func five() *int { n := 5; return &n }

func ten() *int   { n := 10; return &n }
func three() *int { n := 3; return &n }

// sample is the example night, plus a night with only a check-in
// and one with only a partial run.
func sample() []night.Record {
	return []night.Record{
		{
			Night:   "2026-11-22",
			Evening: &night.Evening{Night: "2026-11-22", At: at(22, 21, 10), Symptoms: five(), Tags: []string{"caffeine"}},
			Runs: []night.Run{{
				Routine: "wind-down", Title: "Evening wind-down", Status: routine.Completed,
				StartedAt: at(22, 21, 15), EndedAt: at(22, 21, 45), Planned: 30 * time.Minute,
				Steps: []routine.StepResult{
					{Index: 0, Title: "Settle in", Planned: time.Minute, Actual: time.Minute, Status: routine.StepDone},
					{Index: 1, Title: "Calf stretch", Planned: 2 * time.Minute, Actual: 37412 * time.Millisecond, Status: routine.StepSkipped},
				},
			}},
			Checkin: &night.Checkin{
				Night: "2026-11-22", InBed: at(22, 22, 0), TriedSleep: at(22, 22, 30), LatencyMin: 18,
				Awakenings: 2, AwakeMin: 30, FinalWake: at(23, 6, 30), OutOfBed: at(23, 6, 45),
				Quality: 3, Rested: 3, RLSSeverity: 4, Onset: night.OnsetBedtime, GotUp: 1, Notes: `legs "buzzing", then fine`,
				RecordedAt: at(23, 7, 0),
			},
			// The example of a flare-up, and one left unanswered.
			Events: []night.Event{
				{Night: "2026-11-22", At: at(23, 2, 10), Severity: 7,
					Tried:         []night.Tried{{ID: "walk", Minutes: ten()}, {ID: "stretch"}},
					SeverityAfter: three(), Helped: night.HelpedALot},
				{Night: "2026-11-22", At: at(23, 4, 40), Severity: 5, Tried: []night.Tried{{ID: "press"}}},
			},
		},
		{
			Night: "2026-11-23",
			Checkin: &night.Checkin{
				Night: "2026-11-23", InBed: at(23, 23, 0), TriedSleep: at(23, 23, 0),
				FinalWake: at(24, 7, 0), OutOfBed: at(24, 7, 0), Quality: 4, Rested: 4, Onset: night.OnsetNone,
				Notes: "line one\nline two",
			},
		},
		{
			Night: "2026-11-24",
			Runs: []night.Run{{Routine: "quick", Status: routine.Partial, StartedAt: at(24, 22, 0), EndedAt: at(24, 22, 4),
				Planned: 10 * time.Minute,
				Steps:   []routine.StepResult{{Index: 0, Title: "Settle in", Planned: 20 * time.Second, Actual: 20 * time.Second, Status: routine.StepDone}}}},
		},
	}
}

func TestJSONRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sample(), time.Time{}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadJSON(&buf)
	if err != nil {
		t.Fatalf("ReadJSON: %v\n%s", err, buf.String())
	}
	want := sample()
	// Instants come back in fixed zones of the same offset; compare them as
	// strings, and everything else exactly.
	if a, b := dump(t, got), dump(t, want); a != b {
		t.Errorf("round trip differs:\ngot  %s\nwant %s", a, b)
	}
	if got[0].Checkin.InBed.Format(time.RFC3339) != "2026-11-22T22:00:00+01:00" {
		t.Errorf("offset lost: %v", got[0].Checkin.InBed)
	}
}

func dump(t *testing.T, recs []night.Record) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, recs, time.Time{}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestJSONMatchesTheDocumentedShape(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sample(), time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	nights := doc["nights"].([]any)
	first := nights[0].(map[string]any)
	checks := []struct {
		path string
		want any
	}{
		{"night", "2026-11-22"},
		{"evening.symptoms", 5.0},
		{"evening.tags", []any{"caffeine"}},
		{"evening.note", ""},
		{"routine.name", "wind-down"},
		{"routine.status", "completed"},
		{"routine.started_at", "2026-11-22T21:15:00+01:00"},
		{"routine.ended_at", "2026-11-22T21:45:00+01:00"},
		{"routine.steps.0.title", "Settle in"},
		{"routine.steps.0.status", "done"},
		{"routine.steps.0.planned_s", 60.0},
		{"routine.steps.0.actual_s", 60.0},
		{"routine.steps.1.actual_s", 37.412},
		{"checkin.in_bed", "2026-11-22T22:00:00+01:00"},
		{"checkin.tried_sleep", "2026-11-22T22:30:00+01:00"},
		{"checkin.latency_min", 18.0},
		{"checkin.awakenings", 2.0},
		{"checkin.awake_min", 30.0},
		{"checkin.final_wake", "2026-11-23T06:30:00+01:00"},
		{"checkin.out_of_bed", "2026-11-23T06:45:00+01:00"},
		{"checkin.quality", 3.0},
		{"checkin.rested", 3.0},
		{"checkin.rls_severity", 4.0},
		{"checkin.onset", "bedtime"},
		{"checkin.got_up", 1.0},
		{"checkin.tib_min", 525.0},
		{"checkin.tst_min", 432.0},
		{"checkin.sleep_efficiency", 82.29},
		{"events.0.at", "2026-11-23T02:10:00+01:00"},
		{"events.0.severity", 7.0},
		{"events.0.tried.0.id", "walk"},
		{"events.0.tried.0.minutes", 10.0},
		{"events.0.tried.1.id", "stretch"},
		{"events.0.tried.1.minutes", nil},
		{"events.0.severity_after", 3.0},
		{"events.0.helped", "a-lot"},
		{"events.1.severity_after", nil},
		{"events.1.helped", nil},
	}
	if e := first["events"].([]any)[1].(map[string]any); len(e) != 5 {
		t.Errorf("an unanswered event has keys %v, want all five, null when unanswered", e)
	}
	if ev, ok := nights[1].(map[string]any)["events"].([]any); !ok || len(ev) != 0 {
		t.Errorf("a night without flare-ups has events %v, want []", nights[1].(map[string]any)["events"])
	}
	for _, c := range checks {
		if got := lookup(first, c.path); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.path, got, c.want)
		}
	}
	second := nights[1].(map[string]any)
	for _, part := range []string{"evening", "routine"} {
		if v, ok := second[part]; !ok || v != nil {
			t.Errorf("unrecorded %s is %v (present %v), want null", part, v, ok)
		}
	}
	if doc["exported_at"] != "2026-11-25T08:00:00Z" || doc["format"] != "quietlegs-export" {
		t.Errorf("header: %v %v", doc["exported_at"], doc["format"])
	}
}

func lookup(m map[string]any, path string) any {
	var cur any = m
	for _, k := range strings.Split(path, ".") {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[k]
		case []any:
			i := int(k[0] - '0')
			if i >= len(c) {
				return nil
			}
			cur = c[i]
		default:
			return nil
		}
	}
	return cur
}

func TestCSVReadsBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read it: %v", err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want a header and 3 nights", len(rows))
	}
	if !reflect.DeepEqual(rows[0], CSVHeader) {
		t.Errorf("header %v", rows[0])
	}
	col := map[string]int{}
	for i, h := range CSVHeader {
		col[h] = i
	}
	checks := []struct {
		row        int
		col, value string
	}{
		{1, "night", "2026-11-22"},
		{1, "evening_symptoms", "5"},
		{1, "evening_tags", "caffeine"},
		{1, "routine_status", "completed"},
		{1, "routine_steps_done", "1"},
		{1, "routine_steps_skipped", "1"},
		{1, "routine_planned_s", "1800"},
		{1, "routine_actual_s", "97.412"},
		{1, "notes", `legs "buzzing", then fine`},
		{1, "sleep_efficiency", "82.29"},
		{1, "tib_min", "525"},
		{2, "evening_symptoms", ""},
		{2, "routine_name", ""},
		{2, "notes", "line one\nline two"},
		{3, "in_bed", ""},
		{3, "routine_status", "partial"},
	}
	for _, c := range checks {
		if got := rows[c.row][col[c.col]]; got != c.value {
			t.Errorf("row %d %s = %q, want %q", c.row, c.col, got, c.value)
		}
	}
	for i, r := range rows {
		if len(r) != len(CSVHeader) {
			t.Errorf("row %d has %d cells, want %d", i, len(r), len(CSVHeader))
		}
	}
}

func TestReadJSONRejectsWithPosition(t *testing.T) {
	good := `{"nights":[{"night":"2026-11-22","evening":null,"routine":null,"checkin":null}]}`
	tests := []struct {
		name, in, want string
	}{
		{"empty", ``, "line 1, column 1"},
		{"not an object", `[1,2]`, `line 1, column 1: export: want "{"`},
		{"syntax", "{\"nights\": [\n  {\"night\": \"2026-11-22\",,}\n]}", "line 2, column"},
		{"truncated", good[:40], "ends too soon"},
		{"wrong type", "{\"nights\":[\n{\"night\":\"2026-11-22\",\"evening\":{\"symptoms\":\"five\"}}]}", "line 2, column"},
		{"bad date", "{\"nights\":[\n  {\"night\":\"22/11/2026\"}]}", `line 2, column 3: nights[0] (night "22/11/2026"): night: want a date`},
		{"out of range", `{"nights":[{"night":"2026-11-22","evening":{"symptoms":11}}]}`, "evening.symptoms: 11 is out of range (0-10)"},
		{"bad tag", `{"nights":[{"night":"2026-11-22","evening":{"tags":["Coffee!"]}}]}`, `evening.tag: "Coffee!"`},
		{"twice", `{"nights":[{"night":"2026-11-22"},{"night":"2026-11-22"}]}`, "appears twice"},
		{"out of order", `{"nights":[{"night":"2026-11-23"},{"night":"2026-11-22"}]}`, "date order"},
		{"run status", `{"nights":[{"night":"2026-11-22","routine":{"name":"x","status":"done","started_at":"2026-11-22T21:00:00Z"}}]}`, `runs[0].status: "done"`},
		{"run time", `{"nights":[{"night":"2026-11-22","routine":{"name":"x","status":"running","started_at":"9pm"}}]}`, "runs[0].started_at"},
		{"ended before start", `{"nights":[{"night":"2026-11-22","routine":{"name":"x","status":"partial","started_at":"2026-11-22T21:00:00Z","ended_at":"2026-11-22T20:00:00Z"}}]}`, "ended_at: before started_at"},
		{"checkin order", `{"nights":[{"night":"2026-11-22","checkin":{"in_bed":"2026-11-22T22:00:00Z","tried_sleep":"2026-11-22T22:30:00Z","final_wake":"2026-11-22T22:10:00Z","out_of_bed":"2026-11-22T22:20:00Z","quality":3,"rested":3,"onset":"none"}}]}`, "checkin.final_wake: final awakening (22:10) is before trying to sleep (22:30)"},
		{"checkin onset", `{"nights":[{"night":"2026-11-22","checkin":{"in_bed":"2026-11-22T22:00:00Z","tried_sleep":"2026-11-22T22:30:00Z","final_wake":"2026-11-23T06:10:00Z","out_of_bed":"2026-11-23T06:20:00Z","quality":3,"rested":3,"onset":"noon"}}]}`, `checkin.onset: "noon"`},
		{"foreign format", `{"format":"fitbit","nights":[]}`, "not a quietlegs export"},
		{"no nights", `{"hello":1}`, `no "nights"`},
		{"trailing", good + ` {}`, "unexpected data after the export"},
		{"two nights keys", "{\"nights\":[{\"night\":\"2026-11-21\"}],\n \"nights\":[]}",
			`line 2, column 2: key "nights" appears twice in one object (first at line 1, column 2)`},
		{"a key twice in an evening", "{\"nights\":[{\"night\":\"2026-11-22\",\n\"evening\":{\"note\":\"a\", \"note\":\"b\"}}]}",
			`line 2, column 24: key "note" appears twice in one object (first at line 2, column 12)`},
		{"a key twice in a step", `{"nights":[{"night":"2026-11-22","runs":[{"steps":[{"title":"a","title":"b"}]}]}]}`,
			`line 1, column 65: key "title" appears twice`},
		{"offset beyond 18 h", "{\"nights\":[\n  {\"night\":\"2026-11-22\",\"routine\":{\"name\":\"x\",\"status\":\"running\",\"started_at\":\"2026-11-22T21:00:00+19:00\"}}]}",
			`line 2, column 3: nights[0] (night "2026-11-22"): runs[0].started_at: "2026-11-22T21:00:00+19:00" has a UTC offset beyond 18 hours`},
		{"a run twice", "{\"nights\":[" + run("2026-11-22", "21:00:00Z") + ",\n " + run("2026-11-23", "21:00:00Z") + "]}",
			`line 2, column 2: nights[1] (night 2026-11-23): runs[0]: the run of "x" started 2026-11-22T21:00:00Z is listed twice (also in night 2026-11-22)`},
		{"event without severity", `{"nights":[{"night":"2026-11-22","events":[{"at":"2026-11-23T02:10:00+01:00","tried":[]}]}]}`,
			"events[0].severity: missing"},
		{"event after 11", `{"nights":[{"night":"2026-11-22","events":[{"at":"2026-11-23T02:10:00+01:00","severity":7,"severity_after":11}]}]}`,
			"events[0].severity_after: 11 is out of range"},
		{"event helped", `{"nights":[{"night":"2026-11-22","events":[{"at":"2026-11-23T02:10:00+01:00","severity":7,"helped":"yes"}]}]}`,
			`events[0].helped: "yes"`},
		{"event tried", `{"nights":[{"night":"2026-11-22","events":[{"at":"2026-11-23T02:10:00+01:00","severity":7,"tried":[{"id":"Walk!"}]}]}]}`,
			`events[0].tried: "Walk!"`},
		{"event time", `{"nights":[{"night":"2026-11-22","events":[{"at":"2 am","severity":7}]}]}`, `events[0].at: "2 am"`},
		{"too many tags", "{\"nights\":[\n {\"night\":\"2026-11-22\",\"evening\":{\"tags\":[" + strings.Repeat(`"a",`, 100000) + `"b"]}}]}`,
			`line 2, column 2: nights[0] (night "2026-11-22"): evening.tag: 100001 tags; a night holds at most 100`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// run is a night whose run of routine x started at 2026-11-22T<at>.
func run(date, at string) string {
	return `{"night":"` + date + `","routine":{"name":"x","status":"running","started_at":"2026-11-22T` + at + `"}}`
}

func TestReadJSONAcceptsAByteOrderMark(t *testing.T) {
	recs, err := ReadJSON(strings.NewReader("\ufeff{\"nights\":[{\"night\":\"2026-11-22\"}]}"))
	if err != nil || len(recs) != 1 {
		t.Fatalf("ReadJSON = %v, %v; want one night", recs, err)
	}
	_, err = ReadJSON(strings.NewReader("\ufeff{\"nights\":[{\"night\":\"x\"}]}"))
	if err == nil || !strings.Contains(err.Error(), "line 1, column 12:") {
		t.Errorf("error %v, want it placed as if the mark were not there", err)
	}
}

func TestReadJSONIgnoresUnknownFields(t *testing.T) {
	in := `{"format":"quietlegs-export","version":7,"future":{"a":[1]},"nights":[{"night":"2026-11-22","mood":"calm","evening":{"symptoms":2,"tags":[],"note":"","colour":"blue"}}]}`
	recs, err := ReadJSON(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || *recs[0].Evening.Symptoms != 2 {
		t.Errorf("read %+v", recs)
	}
}

// TestChecklistAnswered: an unanswered checklist survives the round trip
// as checklist_answered false; an export written before the key existed
// reads as answered.
func TestChecklistAnswered(t *testing.T) {
	recs := []night.Record{
		{Night: "2026-11-21", Evening: &night.Evening{Night: "2026-11-21", ChecklistSkipped: true}},
		{Night: "2026-11-22", Evening: &night.Evening{Night: "2026-11-22"}},
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, recs, time.Time{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"checklist_answered": false`, `"checklist_answered": true`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("export lacks %s:\n%s", want, buf.String())
		}
	}
	back, err := ReadJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !back[0].Evening.ChecklistSkipped || back[1].Evening.ChecklistSkipped {
		t.Errorf("read back skipped %v, %v; want true, false", back[0].Evening.ChecklistSkipped, back[1].Evening.ChecklistSkipped)
	}
	old, err := ReadJSON(strings.NewReader(`{"format":"quietlegs-export","version":1,"nights":[{"night":"2026-11-22","evening":{"symptoms":null,"tags":[],"note":""}}]}`))
	if err != nil || old[0].Evening.ChecklistSkipped {
		t.Errorf("an export without the key: %v, skipped %v; want answered", err, old[0].Evening.ChecklistSkipped)
	}
	var csvBuf bytes.Buffer
	if err := WriteCSV(&csvBuf, recs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&csvBuf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "evening_checklist_answered")
	if col != 28 || rows[1][col] != "false" || rows[2][col] != "true" {
		t.Errorf("CSV: column %d: %v", col, rows)
	}
}

// TestCSVCellsNeverRunFormulas: notes that a spreadsheet would run as a
// formula are written with a leading apostrophe; the JSON keeps them.
func TestCSVCellsNeverRunFormulas(t *testing.T) {
	for _, note := range []string{`=HYPERLINK("http://x","y")`, "@SUM(A1)", "+1", "-5", "\tx", "\rx"} {
		recs := []night.Record{{Night: "2026-11-22", Evening: &night.Evening{Night: "2026-11-22", Note: note}}}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, recs); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := slices.Index(rows[0], "evening_note")
		// (encoding/csv drops a lone carriage return when reading back.)
		if got := rows[1][col]; got != "'"+note && got != "'"+strings.TrimPrefix(note, "\r") {
			t.Errorf("note %q written as %q, want a leading apostrophe", note, got)
		}
		buf.Reset()
		if err := WriteJSON(&buf, recs, time.Time{}); err != nil {
			t.Fatal(err)
		}
		back, err := ReadJSON(&buf)
		if err != nil || back[0].Evening.Note != note {
			t.Errorf("JSON round trip of %q: %v, %q", note, err, back[0].Evening.Note)
		}
	}
}

// TestReadJSONSaysWhatAFileIs: a CSV export or some other file is named
// for what it is, not with a JSON parser's complaint.
func TestReadJSONSaysWhatAFileIs(t *testing.T) {
	var csvBuf bytes.Buffer
	if err := WriteCSV(&csvBuf, sample()); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, want string }{
		{csvBuf.String(), "looks like a CSV file; import reads the JSON export"},
		{"hello", "not a quietlegs export"},
	} {
		if _, err := ReadJSON(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadJSON(%.20q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}

// TestTrialRuns: a trial run is exported with "trial": true and its speed,
// is not the night's "routine", and reads back as a trial; an export from
// before lacks both keys and reads as real time.
func TestTrialRuns(t *testing.T) {
	start := time.Date(2026, 11, 22, 21, 0, 0, 0, time.UTC)
	run := night.Run{Routine: "wind-down", Status: routine.Completed, StartedAt: start, EndedAt: start.Add(time.Second), Speed: 2000}
	recs := []night.Record{{Night: "2026-11-22", Runs: []night.Run{run}}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, recs, time.Time{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"trial": true`, `"speed": 2000`, `"routine": null`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("export lacks %s:\n%s", want, buf.String())
		}
	}
	back, err := ReadJSON(&buf)
	if err != nil || !back[0].Runs[0].Trial() || back[0].Runs[0].Speed != 2000 {
		t.Fatalf("read back %+v, %v", back, err)
	}
	old := `{"nights":[{"night":"2026-11-22","runs":[{"name":"q","status":"completed","started_at":"2026-11-22T21:00:00Z","ended_at":"2026-11-22T21:10:00Z","planned_s":600,"steps":[]}]}]}`
	recs, err = ReadJSON(strings.NewReader(old))
	if err != nil || recs[0].Runs[0].Trial() || recs[0].Runs[0].Speed != 1 {
		t.Errorf("an old export's run: %+v, %v; want real time", recs, err)
	}
	bad := strings.Replace(old, `"planned_s":600`, `"planned_s":600,"trial":false,"speed":60`, 1)
	if _, err := ReadJSON(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "trial") {
		t.Errorf("trial false at speed 60: %v, want a refusal", err)
	}
}

// TestNoTimeInBedHasNoEfficiency: with no time in bed, sleep efficiency is
// unknown: null in the JSON and empty in the CSV, never 0.
func TestNoTimeInBedHasNoEfficiency(t *testing.T) {
	at := time.Date(2026, 11, 22, 22, 0, 0, 0, time.UTC)
	c := night.Checkin{Night: "2026-11-22", InBed: at, TriedSleep: at, FinalWake: at, OutOfBed: at,
		Quality: 3, Rested: 3, Onset: night.OnsetNone}
	recs := []night.Record{{Night: "2026-11-22", Checkin: &c}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, recs, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"sleep_efficiency": null`) {
		t.Errorf("export:\n%s", buf.String())
	}
	buf.Reset()
	if err := WriteCSV(&buf, recs); err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&buf).ReadAll()
	if col := slices.Index(rows[0], "sleep_efficiency"); rows[1][col] != "" {
		t.Errorf("CSV sleep_efficiency %q, want empty", rows[1][col])
	}
}

func TestVersion1ReadsAsNightsWithoutEvents(t *testing.T) {
	v1 := `{"format":"quietlegs-export","version":1,"nights":[{"night":"2026-11-22",
		"routine":{"name":"x","status":"completed","started_at":"2026-11-22T21:00:00Z","ended_at":"2026-11-22T21:10:00Z","planned_s":600,"trial":false,"steps":[]}}]}`
	recs, err := ReadJSON(strings.NewReader(v1))
	if err != nil || len(recs) != 1 || recs[0].Events != nil || recs[0].Runs[0].Flare || recs[0].MainRun() == nil {
		t.Fatalf("version 1: %+v, %v", recs, err)
	}
}

func TestEventsCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteEventsCSV(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	want := "night,at,severity,tried,severity_after,helped\r\n" +
		"2026-11-22,2026-11-23T02:10:00+01:00,7,walk:10;stretch,3,a-lot\r\n" +
		"2026-11-22,2026-11-23T04:40:00+01:00,5,press,,\r\n"
	if buf.String() != want {
		t.Errorf("events CSV:\n%q\nwant\n%q", buf.String(), want)
	}
}

func TestFlareRunsRoundTrip(t *testing.T) {
	recs := sample()
	recs[0].Runs = append(recs[0].Runs, night.Run{Routine: "toolkit-walk", Title: "Walk", Status: routine.Completed,
		StartedAt: at(23, 2, 11), EndedAt: at(23, 2, 16), Planned: 5 * time.Minute, Flare: true, Speed: 1})
	var buf bytes.Buffer
	if err := WriteJSON(&buf, recs, time.Time{}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if runs := got[0].Runs; len(runs) != 2 || !runs[1].Flare || got[0].MainRun().Routine != "wind-down" {
		t.Errorf("runs %+v: want the flare run kept as one, and wind-down the evening routine", runs)
	}
}
