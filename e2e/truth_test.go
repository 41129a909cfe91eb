package e2e

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestE2ETheRecordTellsTheTruth runs the check-in rules from the command
// line: a time on the wrong half of the clock, answers that contradict
// each other, a spreadsheet formula in a note, and an edit of a night the
// clocks went back on, which must move no stored time.
func TestE2ETheRecordTellsTheTruth(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	base := []string{"morning", "--night", "2026-11-22", "--in-bed", "22:00", "--tried", "22:30",
		"--latency", "18", "--awakenings", "2", "--awake", "30", "--final", "06:30", "--out", "06:45",
		"--quality", "3", "--rested", "3", "--rls", "4", "--onset", "bedtime", "--db", sb.db}
	swap := func(flag, value string) []string {
		args := slices.Clone(base)
		args[slices.Index(args, flag)+1] = value
		return args
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{swap("--in-bed", "9:30"), "--in-bed: 9:30 gives 21 h 15 min in bed; did you mean 21:30?"},
		{swap("--onset", "none"), "--onset: none, but leg symptoms were rated 4"},
		{swap("--awakenings", "0"), "--awake: 30 min awake, but 0 awakenings"},
	} {
		if _, errOut, code := sb.run(t, sb.command(tt.args...)); code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
	// 9:30pm reads as 21:30; a formula in a note is text in the CSV.
	args := append(swap("--in-bed", "9:30pm"), "--note", "=HYPERLINK(\"x\")")
	if _, errOut, code := sb.run(t, sb.command(args...)); code != 0 {
		t.Fatalf("9:30pm: exit %d %s", code, errOut)
	}
	out, _, _ := sb.run(t, sb.command("export", "--format", "csv", "--db", sb.db))
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("CSV: %v, %d rows", err, len(rows))
	}
	if got := rows[1][slices.Index(rows[0], "notes")]; got != `'=HYPERLINK("x")` {
		t.Errorf("CSV note %q, want a leading apostrophe", got)
	}
	if got := rows[1][slices.Index(rows[0], "in_bed")]; !strings.Contains(got, "T21:30:00") {
		t.Errorf("into bed %q, want 21:30", got)
	}

	// Berlin's clocks went back at 03:00 on 25 October 2026; into bed at
	// the first 02:30 (+02:00). Changing the rating moves no time.
	berlin := newSandbox(t)
	file := filepath.Join(berlin.dir, "fallback.json")
	night := `{"format":"quietlegs-export","version":1,"nights":[{"night":"2026-10-24","checkin":{` +
		`"in_bed":"2026-10-25T02:30:00+02:00","tried_sleep":"2026-10-25T02:40:00+02:00","latency_min":10,` +
		`"awakenings":0,"awake_min":0,"final_wake":"2026-10-25T09:30:00+01:00","out_of_bed":"2026-10-25T09:30:00+01:00",` +
		`"quality":3,"rested":3,"rls_severity":2,"onset":"bedtime","got_up":0,"notes":""}}]}`
	if err := os.WriteFile(file, []byte(night), 0o600); err != nil {
		t.Fatal(err)
	}
	tz := func(args ...string) (string, string, int) {
		cmd := berlin.command(append(args, "--db", berlin.db)...)
		cmd.Env = append(cmd.Env, "TZ=Europe/Berlin")
		return berlin.run(t, cmd)
	}
	if _, errOut, code := tz("import", file); code != 0 {
		t.Fatalf("import: exit %d %s", code, errOut)
	}
	out, errOut, code := tz("morning", "--night", "2026-10-24", "--rls", "5")
	if code != 0 || !strings.Contains(out, "8 h 0 min in bed") {
		t.Errorf("edit on the night the clocks went back: exit %d\n%s%s\nwant 8 h 0 min in bed, as stored", code, out, errOut)
	}
	exp := exportJSON(t, berlin)
	if !strings.Contains(exp, `"in_bed": "2026-10-25T02:30:00+02:00"`) || !strings.Contains(exp, `"tib_min": 480`) || !strings.Contains(exp, `"rls_severity": 5`) {
		t.Errorf("after the edit:\n%s", exp)
	}
}

// TestE2ECompletionRefusesUnknownShells: `completion tcsh` is a usage
// error naming the shells there are, not a silent success.
func TestE2ECompletionRefusesUnknownShells(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	if _, errOut, code := sb.run(t, sb.command("completion", "tcsh")); code != 2 || !strings.Contains(errOut, "want one of bash, fish, powershell, zsh") {
		t.Errorf("completion tcsh: exit %d, %q", code, errOut)
	}
	if out, _, code := sb.run(t, sb.command("completion", "bash")); code != 0 || !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash: exit %d", code)
	}
}
