package e2e

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exportJSON exports the sandbox's database as JSON, without the line that
// says when, so two exports of the same records compare equal.
func exportJSON(t *testing.T, sb sandbox) string {
	t.Helper()
	out, errOut, code := sb.run(t, sb.command("export", "--db", sb.db))
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	return regexp.MustCompile(`(?m)^  "exported_at": .*\n`).ReplaceAllString(out, "")
}

// checkin is the worked example as flags.
var checkin = []string{"morning", "--night", "2026-11-22", "--in-bed", "22:00", "--tried", "22:30",
	"--latency", "18", "--awakenings", "2", "--awake", "30", "--final", "06:30", "--out", "06:45",
	"--quality", "3", "--rested", "3", "--rls", "4", "--onset", "bedtime", "--got-up", "1", "--note", "text"}

func TestE2EMorningFlags(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	out, errOut, code := sb.run(t, sb.command(append(checkin, "--db", sb.db)...))
	if code != 0 || !strings.Contains(out, "Saved the check-in for the night of 2026-11-22: 8 h 45 min in bed, 7 h 12 min asleep, sleep efficiency 82.29 %") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	exp := exportJSON(t, sb)
	for _, want := range []string{`"tib_min": 525`, `"tst_min": 432`, `"sleep_efficiency": 82.29`, `"onset": "bedtime"`, `"notes": "text"`} {
		if !strings.Contains(exp, want) {
			t.Errorf("export lacks %s:\n%s", want, exp)
		}
	}
	// A second check-in for the night edits it: only what is given changes.
	out, _, code = sb.run(t, sb.command("morning", "--night", "2026-11-22", "--quality", "4", "--db", sb.db))
	if code != 0 || !strings.Contains(out, "Updated the check-in") {
		t.Fatalf("edit: exit %d: %s", code, out)
	}
	exp = exportJSON(t, sb)
	if !strings.Contains(exp, `"quality": 4`) || !strings.Contains(exp, `"latency_min": 18`) || strings.Count(exp, `"night":`) != 1 {
		t.Errorf("after editing the quality:\n%s", exp)
	}
}

func TestE2EMorningBadFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		swap map[string]string // flag -> new value, or "" to leave the flag out
		want string
	}{
		{"time out of range", map[string]string{"--in-bed": "25:00"}, `--in-bed: "25:00" is outside 00:00-23:59`},
		{"not a time", map[string]string{"--tried": "half ten"}, `--tried: "half ten" is not a time`},
		{"final before tried", map[string]string{"--final": "22:10", "--out": "22:20"}, "--final: final awakening (22:10) is before trying to sleep (22:30)"},
		{"too long awake", map[string]string{"--latency": "300", "--awake": "200"}, "--awake: 300 min to fall asleep plus 200 min awake"},
		{"quality", map[string]string{"--quality": "9"}, "--quality: 9 is out of range (1-5)"},
		{"rls", map[string]string{"--rls": "11"}, "--rls: 11 is out of range (0-10)"},
		{"onset", map[string]string{"--onset": "noon"}, `--onset: "noon" is not one of`},
		{"not a number", map[string]string{"--latency": "ten"}, `--latency: "ten" is not a number`},
		{"missing time", map[string]string{"--out": ""}, "--out is needed for a new check-in"},
		{"missing rating", map[string]string{"--rested": ""}, "--rested is needed for a new check-in"},
		{"bad night", map[string]string{"--night": "22/11/2026"}, `--night: "22/11/2026" is not a date`},
		{"a night to come", map[string]string{"--night": "2099-12-25"}, "--night: 2099-12-25 has not come yet"},
		{"a night that does not exist", map[string]string{"--night": "2026-02-30"}, "--night: 2026-02-30 does not exist: February 2026 has 28 days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sb := newSandbox(t)
			var args []string
			for i := 0; i < len(checkin); i++ {
				a := checkin[i]
				if v, ok := tt.swap[a]; ok {
					if v != "" {
						args = append(args, a, v)
					}
					i++
					continue
				}
				args = append(args, a)
			}
			// The database exists already, so the one line is the refusal
			// (a first command also says it created it).
			if _, errOut, code := sb.run(t, sb.command("insights", "--db", sb.db)); code != 0 || !strings.Contains(errOut, "created a new database at "+sb.db) ||
				!strings.Contains(errOut, "no nights are recorded in "+sb.db) {
				t.Fatalf("insights on a new database: exit %d, %q", code, errOut)
			}
			_, errOut, code := sb.run(t, sb.command(append(args, "--db", sb.db)...))
			if code != 2 || !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("exit %d, stderr %q\nwant 2 and one line containing %q", code, errOut, tt.want)
			}
			if exp := exportJSON(t, sb); strings.Contains(exp, `"night":`) {
				t.Errorf("a refused check-in wrote something:\n%s", exp)
			}
		})
	}
}

func TestE2EEveningLogOnly(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	out, errOut, code := sb.run(t, sb.command("evening", "--log-only", "--night", "2026-11-22", "--symptoms", "5",
		"--tag", "caffeine", "--tag", "alcohol", "--note", "long drive", "--db", sb.db))
	if code != 0 || !strings.Contains(out, "Saved the evening log for the night of 2026-11-22") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	exp := exportJSON(t, sb)
	if !strings.Contains(exp, `"symptoms": 5`) || !strings.Contains(exp, `"alcohol"`) || !strings.Contains(exp, `"note": "long drive"`) {
		t.Errorf("export:\n%s", exp)
	}
	for _, bad := range []struct{ args, want string }{
		{"--tag coffee", `--tag: "coffee" is not on your checklist (caffeine, alcohol`},
		{"--symptoms 11", "--symptoms: 11 is out of range (0-10)"},
		{"--night yesterday", `--night: "yesterday" is not a date`},
		{"--night 2099-12-25", "--night: 2099-12-25 has not come yet"},
		{"--night 1900-01-01", "--night: 1900-01-01 is out of range"},
	} {
		args := append([]string{"evening", "--log-only", "--db", sb.db}, strings.Fields(bad.args)...)
		if _, errOut, code := sb.run(t, sb.command(args...)); code != 2 || !strings.Contains(errOut, bad.want) {
			t.Errorf("%s: exit %d, %q; want 2 and %q", bad.args, code, errOut, bad.want)
		}
	}
	if _, errOut, code := sb.run(t, sb.command("evening", "--symptoms", "3", "--db", sb.db)); code != 2 || !strings.Contains(errOut, "--symptoms goes with --log-only") {
		t.Errorf("--symptoms without --log-only: exit %d, %q", code, errOut)
	}
	if _, errOut, code := sb.run(t, sb.command("evening", "--log-only", "--routine", "quick", "--symptoms", "3", "--db", sb.db)); code != 2 || !strings.Contains(errOut, "leave out --routine") {
		t.Errorf("--log-only with --routine: exit %d, %q", code, errOut)
	}
}

// TestE2EEveningLogAmends: a second --log-only keeps what it does not
// change, --untag takes an item off and --note "" clears the note, as the
// morning flags amend a check-in.
func TestE2EEveningLogAmends(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	log := func(args ...string) string {
		t.Helper()
		out, errOut, code := sb.run(t, sb.command(append([]string{"evening", "--log-only", "--night", "2026-11-22", "--db", sb.db}, args...)...))
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		return out
	}
	log("--symptoms", "5", "--tag", "caffeine", "--note", "long drive")
	if out := log("--symptoms", "3"); !strings.Contains(out, "Updated the evening log for the night of 2026-11-22") {
		t.Errorf("second log: %q", out)
	}
	exp := exportJSON(t, sb)
	for _, want := range []string{`"symptoms": 3`, `"caffeine"`, `"note": "long drive"`} {
		if !strings.Contains(exp, want) {
			t.Errorf("after --symptoms 3 the export lacks %s:\n%s", want, exp)
		}
	}
	log("--tag", "alcohol,long-sitting", "--untag", "caffeine", "--note", "")
	exp = exportJSON(t, sb)
	if !strings.Contains(exp, `"tags": [
          "alcohol",
          "long-sitting"
        ]`) || strings.Contains(exp, `"caffeine"`) || !strings.Contains(exp, `"note": ""`) || !strings.Contains(exp, `"symptoms": 3`) {
		t.Errorf("after --tag alcohol,long-sitting --untag caffeine --note \"\":\n%s", exp)
	}
	if _, errOut, code := sb.run(t, sb.command("evening", "--log-only", "--night", "2026-11-22", "--untag", "nicotine", "--db", sb.db)); code != 2 || !strings.Contains(errOut, `--untag: "nicotine" is not on the log`) {
		t.Errorf("--untag of an item not on the log: exit %d, %q", code, errOut)
	}
}

func TestE2EExportImport(t *testing.T) {
	t.Parallel()
	src := newSandbox(t)
	steps := [][]string{
		checkin,
		{"evening", "--log-only", "--night", "2026-11-22", "--symptoms", "5", "--tag", "caffeine", "--note", `a "quoted", note`},
		{"evening", "--plain", "--routine", "quick", "--speed", "6000"}, // a trial run
		{"evening", "--log-only", "--night", "2026-11-20", "--symptoms", "2"},
		{"delete", "--night", "2026-11-20", "--yes"}, // a night deleted before the export
	}
	for _, args := range steps {
		if out, errOut, code := src.run(t, src.command(append(args, "--db", src.db)...)); code != 0 {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, out, errOut)
		}
	}
	file := filepath.Join(src.dir, "backup.json")
	if _, errOut, code := src.run(t, src.command("export", "--output", file, "--db", src.db)); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	if fi, err := os.Stat(file); err != nil {
		t.Errorf("export file: %v", err)
	} else if fi.Mode().Perm() != 0o600 {
		t.Errorf("export file is %v, want 0600", fi.Mode().Perm())
	}

	dst := newSandbox(t)
	out, errOut, code := dst.run(t, dst.command("import", file, "--db", dst.db))
	if code != 0 || !regexp.MustCompile(`: (1 night|2 nights) added, 0 updated, 0 unchanged\.`).MatchString(out) {
		t.Fatalf("first import: exit %d\n%s%s", code, out, errOut)
	}
	out, _, _ = dst.run(t, dst.command("import", file, "--db", dst.db))
	if !strings.Contains(out, " 0 nights added, 0 updated, ") {
		t.Errorf("second import changed something: %s", out)
	}
	if a, b := exportJSON(t, src), exportJSON(t, dst); a != b {
		t.Errorf("export after import differs from the original:\n%s\n---\n%s", a, b)
	} else if !strings.Contains(a, `"trial": true`) || strings.Contains(a, "2026-11-20") {
		t.Errorf("the export should hold the trial run and not the deleted night:\n%s", a)
	}

	// The CSV is one row per night that encoding/csv reads back.
	csvOut, _, code := src.run(t, src.command("export", "--format", "csv", "--db", src.db))
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if code != 0 || err != nil || len(rows) < 2 || rows[0][0] != "night" {
		t.Fatalf("CSV: exit %d, %v, %d rows", code, err, len(rows))
	}
	if !strings.Contains(csvOut, `"a ""quoted"", note"`) {
		t.Errorf("CSV does not quote the note:\n%s", csvOut)
	}

	// A damaged file is refused whole, with where, and writes nothing.
	bad := filepath.Join(dst.dir, "bad.json")
	data, _ := os.ReadFile(file)
	broken := strings.Replace(string(data), `"quality": 3`, `"quality": 9`, 1)
	if err := os.WriteFile(bad, []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := newSandbox(t)
	_, errOut, code = fresh.run(t, fresh.command("import", bad, "--db", fresh.db))
	if code != 2 || !regexp.MustCompile(`line \d+, column \d+: .*checkin.quality: 9 is out of range`).MatchString(errOut) || !strings.Contains(errOut, "nothing was imported") {
		t.Errorf("bad import: exit %d, %q", code, errOut)
	}
	if exp := exportJSON(t, fresh); strings.Contains(exp, `"night":`) {
		t.Errorf("a refused import wrote nights:\n%s", exp)
	}
}

// TestE2EMorningForm fills the check-in by keyboard in tmux and checks the
// result through export.
func TestE2EMorningForm(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, "morning", "--night", "2026-11-22")
	tm.waitFor("Morning check-in")
	for _, k := range []string{"2200", "2230", "18", "2", "30", "0630", "0645", "3", "3", "4", "a", "1"} {
		tm.keys(k, "Enter")
	}
	tm.keys("Enter") // "More about your legs": no
	tm.keys("-l", "restless at 3")
	tm.keys("Enter")
	tm.waitFor("Check-in saved.")
	if s := tm.screen(); !strings.Contains(s, "8 h 45 min") || !strings.Contains(s, "7 h 12 min") {
		t.Errorf("saved screen lacks the figures:\n%s", s)
	}
	tm.keys("Enter")
	if code, s := tm.exited(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, s)
	}
	exp := exportJSON(t, tm.sb)
	for _, want := range []string{`"tib_min": 525`, `"sleep_efficiency": 82.29`, `"onset": "bedtime"`, `"notes": "restless at 3"`, `"got_up": 1`} {
		if !strings.Contains(exp, want) {
			t.Errorf("export lacks %s:\n%s", want, exp)
		}
	}
}

// TestE2ETrialRunsAreKeptButNotCounted: a routine run at --speed is a
// trial: exported with "trial": true, never the night's routine, and not
// counted in the report's adherence.
func TestE2ETrialRunsAreKeptButNotCounted(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	if out, errOut, code := sb.run(t, sb.command("evening", "--plain", "--routine", "quick", "--speed", "10000", "--db", sb.db)); code != 0 {
		t.Fatalf("plain run: exit %d\n%s%s", code, out, errOut)
	}
	exp := exportJSON(t, sb)
	for _, want := range []string{`"trial": true`, `"speed": 10000`, `"routine": null`} {
		if !strings.Contains(exp, want) {
			t.Errorf("export lacks %s:\n%s", want, exp)
		}
	}
	date := regexp.MustCompile(`"night": "([0-9-]+)"`).FindStringSubmatch(exp)
	if date == nil {
		t.Fatalf("no night in the export:\n%s", exp)
	}
	out, errOut, code := sb.run(t, sb.command("report", "--from", date[1], "--to", date[1], "--db", sb.db))
	if code != 0 || strings.Contains(out, "| Completed | 1 |") || !strings.Contains(out, "Left out: 1 run at another speed than real time (trials)") {
		t.Errorf("report: exit %d, %s\n%s", code, errOut, out)
	}
}
