package e2e

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestE2ECheckinSkipsOptionalInFewKeys: with the optional leg items passed
// by (one enter on "More about your legs"), going through a check-in in
// the form and saving it takes fewer than 15 key presses (14: an enter a
// field, the last one saving), and records none of them.
func TestE2ECheckinSkipsOptionalInFewKeys(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	if out, errOut, code := sb.run(t, sb.command(append(checkin, "--db", sb.db)...)); code != 0 {
		t.Fatalf("check-in: exit %d\n%s\n%s", code, out, errOut)
	}
	tm := startTermIn(t, sb, "morning", "--night", "2026-11-22")
	tm.waitFor("Editing the check-in")
	presses := 0
	press := func(keys ...string) {
		presses += len(keys)
		tm.keys(keys...)
	}
	// Enter confirms each answer; on the last field it saves.
	for range 14 {
		press("Enter")
	}
	s := tm.waitFor("Check-in updated")
	if presses >= 15 {
		t.Errorf("the check-in took %d key presses, want fewer than 15:\n%s", presses, s)
	}
	tm.keys("Enter")
	if code, s := tm.exited(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, s)
	}
	db, err := sql.Open("sqlite", sb.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var recorded sql.NullString
	var unsaid int
	err = db.QueryRow(`SELECT recorded_at, (onset_at IS NULL) + (side IS NULL) + (arms IS NULL) + (worst IS NULL)
		+ (lasted_min IS NULL) + (partner_noticed IS NULL) FROM checkins WHERE night = '2026-11-22'`).Scan(&recorded, &unsaid)
	if err != nil || !recorded.Valid || unsaid != 6 {
		t.Errorf("stored %v, %d of 6 leg items unset, %v; want all 6", recorded, unsaid, err)
	}
}

// TestE2EFieldsFromFlagsSurviveExportAndImport: every new item given by
// flags is stored, exported under its key, and imported back whole.
func TestE2EFieldsFromFlagsSurviveExportAndImport(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	steps := [][]string{
		append(append([]string{}, checkin...), "--onset-at", "22:40", "--side", "both", "--arms", "yes",
			"--worst", "7", "--lasted", "90", "--partner", "none"),
		{"evening", "--log-only", "--night", "2026-11-22", "--symptoms", "3", "--none", "--room-temp", "19.5", "--bedding", "heavy"},
		{"took", "iron", "65 mg", "--at", "20:00", "--night", "2026-11-22"},
		{"took", "magnesium", "--at", "21:30", "--night", "2026-11-22"},
		{"labs", "add", "--date", "2026-11-02", "--ferritin", "48", "--tsat", "22.5", "--note", "fasting"},
	}
	for _, args := range steps {
		if out, errOut, code := sb.run(t, sb.command(append(args, "--db", sb.db)...)); code != 0 {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, out, errOut)
		}
	}
	exp := exportJSON(t, sb)
	for _, want := range []string{`"version": 2`, `"onset_at": "2026-11-22T22:40:00`, `"side": "both"`, `"arms": true`,
		`"worst": 7`, `"lasted_min": 90`, `"partner_noticed": "none"`, `"room_temp_c": 19.5`, `"bedding": "heavy"`,
		`"name": "iron"`, `"amount": "65 mg"`, `"name": "magnesium"`, `"labs": [`, `"ferritin": 48`, `"tsat": 22.5`} {
		if !strings.Contains(exp, want) {
			t.Errorf("export lacks %s:\n%s", want, exp)
		}
	}
	out, _, code := sb.run(t, sb.command("labs", "--db", sb.db))
	if code != 0 || !strings.Contains(out, "2026-11-02") || !strings.Contains(out, "22.5") {
		t.Errorf("labs: exit %d\n%s", code, out)
	}

	file := filepath.Join(sb.dir, "export.json")
	if err := os.WriteFile(file, []byte(exp), 0o600); err != nil {
		t.Fatal(err)
	}
	other := newSandbox(t)
	if out, errOut, code := other.run(t, other.command("import", file, "--db", other.db)); code != 0 || !strings.Contains(out, "Iron results: 1 date added") {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errOut)
	}
	if back := exportJSON(t, other); back != exp {
		t.Errorf("export after import differs:\n%s\nwant\n%s", back, exp)
	}
}

func TestE2EFieldsBadFlags(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	tests := []struct {
		args []string
		want string
	}{
		{append(append([]string{}, checkin...), "--onset-at", "15:00"), "--onset-at: 15:00 does not agree with symptoms starting at bedtime"},
		{append(append([]string{}, checkin...), "--worst", "2"), "--worst: the worst moment (2) is milder"},
		{append(append([]string{}, checkin...), "--partner", "maybe"), "--partner:"},
		{[]string{"evening", "--log-only", "--night", "2026-11-22", "--room-temp", "hot"}, "--room-temp:"},
		{[]string{"took", "iron", "--night", "2026-11-22"}, "--at is needed"},
		{[]string{"labs", "add", "--ferritin", "40"}, "--date is needed"},
		{[]string{"labs", "add", "--date", "2026-11-02"}, "needs at least one of --ferritin, --tsat and --note"},
		{[]string{"labs", "delete", "--date", "2026-11-02"}, "--date: 2026-11-02: there are no results of that date"},
		{[]string{"evening", "--log-only", "--night", "2026-11-22"}, "--log-only has nothing to save"},
	}
	for _, tt := range tests {
		_, errOut, code := sb.run(t, sb.command(append(tt.args, "--db", sb.db)...))
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
	if _, err := os.Stat(sb.db); err == nil {
		if exp := exportJSON(t, sb); strings.Contains(exp, `"2026-11-22"`) {
			t.Errorf("refused commands wrote:\n%s", exp)
		}
	}
}

// TestE2ELabsDelete deletes a mistyped result and says what it held.
func TestE2ELabsDelete(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	for _, args := range [][]string{
		{"labs", "add", "--date", "2026-11-02", "--ferritin", "480"},
		{"labs", "add", "--date", "2026-11-03", "--ferritin", "48"},
	} {
		if out, errOut, code := sb.run(t, sb.command(append(args, "--db", sb.db)...)); code != 0 {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, out, errOut)
		}
	}
	out, errOut, code := sb.run(t, sb.command("labs", "delete", "--date", "2026-11-02", "--db", sb.db))
	if code != 0 || !strings.Contains(out, "Deleted the results of 2026-11-02: ferritin 480 µg/L.") {
		t.Fatalf("delete: exit %d\n%s\n%s", code, out, errOut)
	}
	if out, _, _ := sb.run(t, sb.command("labs", "--db", sb.db)); strings.Contains(out, "2026-11-02") || !strings.Contains(out, "2026-11-03") {
		t.Errorf("labs after the delete:\n%s", out)
	}
}
