package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/archive"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// history40 is 40 nights ending 2026-11-22: caffeine every third night,
// with worse legs the morning after, and the routine on even nights.
func history40(t *testing.T) []byte {
	t.Helper()
	var recs []night.Record
	last := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	for i := 39; i >= 0; i-- {
		day := last.AddDate(0, 0, -i)
		date := day.Format(night.Layout)
		at := func(h, m int) time.Time { return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, time.UTC) }
		sym := 2
		ev := night.Evening{Night: date, At: at(20, 0), Symptoms: &sym}
		severity := 2 + i%2
		if i%3 == 0 {
			ev.Tags = []string{"caffeine"}
			severity += 3
		}
		rec := night.Record{Night: date, Evening: &ev}
		if i%2 == 0 {
			rec.Runs = []night.Run{{Routine: "quick", Title: "Quick wind-down", Status: routine.Completed,
				StartedAt: at(21, 0), EndedAt: at(21, 10), Planned: 10 * time.Minute,
				Steps: []routine.StepResult{{Index: 0, Title: "Settle in", Planned: 20 * time.Second, Actual: 20 * time.Second, Status: routine.StepDone}}}}
		}
		rec.Checkin = &night.Checkin{Night: date, InBed: at(22, 0), TriedSleep: at(22, 30), LatencyMin: 15,
			FinalWake: at(22, 30).Add(8 * time.Hour), OutOfBed: at(22, 45).Add(8 * time.Hour),
			Quality: 3, Rested: 3, RLSSeverity: severity, Onset: night.OnsetBedtime}
		recs = append(recs, rec)
	}
	var buf bytes.Buffer
	if err := archive.WriteJSON(&buf, recs, time.Time{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func importHistory(t *testing.T, sb sandbox) {
	t.Helper()
	file := filepath.Join(sb.dir, "history.json")
	if err := os.WriteFile(file, history40(t), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := sb.run(t, sb.command("import", file, "--db", sb.db)); code != 0 || !strings.Contains(out, "40 nights added") {
		t.Fatalf("import: exit %d %s %s", code, out, errOut)
	}
}

// TestE2EHistory browses an imported history in every view.
func TestE2EHistory(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	importHistory(t, sb)
	tm := startTermIn(t, sb, "history")
	s := tm.waitFor("November 2026")
	if !strings.Contains(s, "Calendar") {
		t.Errorf("history does not open on the calendar:\n%s", s)
	}
	tm.keys("2")
	s = tm.waitFor("Nights, newest first")
	for _, want := range []string{"Sun 22 Nov 2026", "Sat 21 Nov 2026", "40 recorded"} {
		if !strings.Contains(s, want) {
			t.Errorf("table lacks %q:\n%s", want, s)
		}
	}
	tm.keys("Enter") // the newest night, 22 Nov, had caffeine
	s = tm.waitFor("[3 Night]")
	if !strings.Contains(s, "22 Nov") || !strings.Contains(s, "Caffeine after noon") {
		t.Errorf("detail of 22 Nov (a caffeine night) does not show it:\n%s", s)
	}
	tm.keys("4")
	tm.waitFor("Leg symptoms")
	tm.keys("5")
	s = tm.waitUntil("insights", waitDefault, func(s string) bool { return strings.Contains(s, "points higher") })
	if !strings.Contains(s, "caffeine after noon") {
		t.Errorf("insights do not mention caffeine:\n%s", s)
	}
	tm.keys("q")
	if code, s := tm.exited(); code != 0 {
		t.Errorf("exit %d:\n%s", code, s)
	}
}

// TestE2EInsightsAndReport checks the plain-text insights and the report on
// the same history.
func TestE2EInsightsAndReport(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	importHistory(t, sb)
	out, errOut, code := sb.run(t, sb.command("insights", "--db", sb.db))
	if code != 0 {
		t.Fatalf("insights: exit %d %s", code, errOut)
	}
	for _, want := range []string{"Insights from 40 nights", "Holding after allowing for 2 comparisons:",
		"On nights with caffeine after noon, leg symptoms the next morning averaged", "not causes"} {
		if !strings.Contains(out, want) {
			t.Errorf("insights lack %q:\n%s", want, out)
		}
	}
	out, errOut, code = sb.run(t, sb.command("insights", "--format", "json", "--db", sb.db))
	var doc struct {
		Nights      int    `json:"nights"`
		From        string `json:"from"`
		To          string `json:"to"`
		Method      string `json:"method"`
		Comparisons []struct {
			Item      string   `json:"item"`
			Kind      string   `json:"kind"`
			Measure   string   `json:"measure"`
			NWith     int      `json:"n_with"`
			CILow     *float64 `json:"ci_low"`
			PAdjusted *float64 `json:"p_adjusted"`
			Holds     bool     `json:"holds"`
		} `json:"comparisons"`
	}
	if err := json.Unmarshal([]byte(out), &doc); code != 0 || err != nil || doc.Nights != 40 || doc.Method == "" {
		t.Fatalf("insights --format json: exit %d, %v, %+v\n%s%s", code, err, doc, out, errOut)
	}
	held := false
	for _, c := range doc.Comparisons {
		held = held || (c.Item == "caffeine" && c.Measure == "rls_severity" && c.Kind == "trigger" && c.Holds && c.PAdjusted != nil)
	}
	if !held {
		t.Errorf("the JSON does not say caffeine's association with leg symptoms holds:\n%s", out)
	}
	// The report covers nights up to last night; this history ends on
	// 2026-11-22, so ask for enough days to reach it from today.
	days := int(time.Since(time.Date(2026, 10, 14, 0, 0, 0, 0, time.UTC)).Hours()/24) + 1
	file := filepath.Join(sb.dir, "report.md")
	if _, errOut, code := sb.run(t, sb.command("report", "--days", strconv.Itoa(days), "--output", file, "--db", sb.db)); code != 0 {
		t.Fatalf("report: exit %d %s", code, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rep := string(data)
	for _, want := range []string{"# quietlegs report", "Nights with a morning check-in (sleep diary): 40", "not a clinical score", "| Sun 22 Nov |"} {
		if !strings.Contains(rep, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if _, errOut, code := sb.run(t, sb.command("report", "--days", "0", "--db", sb.db)); code != 2 || !strings.Contains(errOut, "--days") {
		t.Errorf("--days 0: exit %d %q", code, errOut)
	}
}
