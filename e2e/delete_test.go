package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fileTwoNights files the worked example's check-in and an evening log on
// 2026-11-22, and an evening log on 2026-11-21.
func fileTwoNights(t *testing.T, sb sandbox) {
	t.Helper()
	for _, args := range [][]string{checkin,
		{"evening", "--log-only", "--night", "2026-11-22", "--symptoms", "5", "--tag", "caffeine,alcohol", "--note", "long drive"},
		{"evening", "--log-only", "--night", "2026-11-21", "--symptoms", "2", "--none"}} {
		if _, errOut, code := sb.run(t, sb.command(append(args, "--db", sb.db)...)); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
}

// backupIn finds the path of the backup out names, and checks it is 0600.
func backupIn(t *testing.T, out string, kind string) string {
	t.Helper()
	m := regexp.MustCompile(`(/\S+\.` + kind + `-\S+\.bak)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("output names no %s backup:\n%s", kind, out)
	}
	fi, err := os.Stat(m[1])
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup %s has mode %v, want 0600", m[1], fi.Mode().Perm())
	}
	return m[1]
}

func TestE2EDeleteNight(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	fileTwoNights(t, sb)
	before := exportJSON(t, sb)

	// Without a terminal, --yes is needed, and nothing is deleted.
	_, errOut, code := sb.run(t, sb.command("delete", "--night", "2026-11-22", "--db", sb.db))
	if code != 2 || !strings.Contains(errOut, "--yes") {
		t.Fatalf("delete without --yes: exit %d: %s", code, errOut)
	}
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--night", "2026-11-31"}, "--night"},
		{[]string{"--night", "yesterday"}, "--night"},
		{nil, "--night"},
		{[]string{"--night", "2026-11-22", "--only", "steps"}, "--only"},
	} {
		_, errOut, code := sb.run(t, sb.command(append([]string{"delete", "--yes", "--db", sb.db}, bad.args...)...))
		if code != 2 || !strings.Contains(errOut, bad.want) {
			t.Errorf("delete %v: exit %d: %s", bad.args, code, errOut)
		}
	}
	if exportJSON(t, sb) != before {
		t.Fatal("a refused delete changed the records")
	}

	// Only the check-in.
	out, errOut, code := sb.run(t, sb.command("delete", "--night", "2026-11-22", "--only", "checkin", "--yes", "--db", sb.db))
	if code != 0 || !strings.Contains(out, "check-in (leg symptoms 4, sleep quality 3, a note)") ||
		strings.Contains(out, "evening log") {
		t.Fatalf("delete --only checkin: exit %d\n%s\n%s", code, out, errOut)
	}
	first := backupIn(t, out, "delete")
	exp := exportJSON(t, sb)
	if strings.Contains(exp, `"tib_min"`) || !strings.Contains(exp, `"note": "long drive"`) {
		t.Errorf("after deleting the check-in:\n%s", exp)
	}

	// The rest of the night; the other night stays.
	out, _, code = sb.run(t, sb.command("delete", "--night", "2026-11-22", "--yes", "--db", sb.db))
	if code != 0 || !strings.Contains(out, "evening log (symptoms 5, 2 items, a note)") {
		t.Fatalf("delete: exit %d\n%s", code, out)
	}
	backupIn(t, out, "delete")
	exp = exportJSON(t, sb)
	if strings.Contains(exp, `"night": "2026-11-22"`) || !strings.Contains(exp, `"night": "2026-11-21"`) {
		t.Errorf("after deleting the night:\n%s", exp)
	}

	// Nothing left: said, nothing written.
	out, _, code = sb.run(t, sb.command("delete", "--night", "2026-11-22", "--yes", "--db", sb.db))
	if code != 0 || !strings.Contains(out, "Nothing to delete") || strings.Contains(out, ".bak") {
		t.Errorf("delete again: exit %d\n%s", code, out)
	}

	// Restoring the first backup, made before anything was deleted, brings
	// every record back.
	out, errOut, code = sb.run(t, sb.command("restore", first, "--db", sb.db))
	if code != 0 || !strings.Contains(out, "Restored "+sb.db) {
		t.Fatalf("restore: exit %d\n%s\n%s", code, out, errOut)
	}
	backupIn(t, out, "restore")
	if fi, err := os.Stat(sb.db); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("restored database: %v, %v", fi.Mode(), err)
	}
	if exp = exportJSON(t, sb); exp != before {
		t.Errorf("after restoring:\n%s\nwant:\n%s", exp, before)
	}
}

func TestE2ERestoreRefuses(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	fileTwoNights(t, sb)
	before := exportJSON(t, sb)
	junk := filepath.Join(sb.dir, "junk.db")
	if err := os.WriteFile(junk, []byte(strings.Repeat("not a database ", 500)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := sb.run(t, sb.command("restore", junk, "--db", sb.db))
	if code != 1 || !strings.Contains(errOut, junk) || !strings.Contains(errOut, "nothing was changed") {
		t.Errorf("restore junk: exit %d: %s", code, errOut)
	}
	_, errOut, code = sb.run(t, sb.command("restore", "--db", sb.db))
	if code != 2 {
		t.Errorf("restore with no file: exit %d: %s", code, errOut)
	}
	bak := filepath.Join(sb.dir, "copy.db")
	if _, errOut, code := sb.run(t, sb.command("backup", bak, "--db", sb.db)); code != 0 {
		t.Fatalf("backup: %s", errOut)
	}
	startWindDown(t, sb, "[2/9]")
	_, errOut, code = sb.run(t, sb.command("restore", bak, "--db", sb.db))
	if code != 2 || !strings.Contains(errOut, "a routine is running in another window") {
		t.Errorf("restore while a routine runs: exit %d: %s", code, errOut)
	}
	if got := exportJSON(t, sb); !strings.Contains(got, `"night": "2026-11-21"`) || len(got) < len(before) {
		t.Errorf("the records changed:\n%s", got)
	}
}
