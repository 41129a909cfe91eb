package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// exportDoc is the part of an export these tests read.
type exportDoc struct {
	Version int `json:"version"`
	Nights  []struct {
		Night string `json:"night"`
		Runs  []struct {
			Name  string `json:"name"`
			Flare bool   `json:"flare"`
		} `json:"runs"`
		Events []struct {
			At       string `json:"at"`
			Severity int    `json:"severity"`
			Tried    []struct {
				ID      string `json:"id"`
				Minutes *int   `json:"minutes"`
			} `json:"tried"`
			SeverityAfter *int    `json:"severity_after"`
			Helped        *string `json:"helped"`
		} `json:"events"`
	} `json:"nights"`
}

func readExport(t *testing.T, sb sandbox) exportDoc {
	t.Helper()
	var doc exportDoc
	if err := json.Unmarshal([]byte(exportJSON(t, sb)), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestE2EFlareScreen: from the prompt, 7 and the first moderate entry
// start walking in the runner; 3 and "a lot" afterwards are in the export.
// answerAfter answers the toolkit's questions after a measure (strength 3
// now, it helped a lot), saves, and expects the program to end well.
func (tm *pane) answerAfter() {
	tm.t.Helper()
	tm.waitFor("How strong is it now?")
	tm.keys("3")
	tm.waitFor("Did it help?")
	tm.keys("3")
	tm.waitFor("helped: a lot")
	tm.keys("Enter")
	if code, s := tm.exited(); code != 0 {
		tm.t.Fatalf("exit %d:\n%s", code, s)
	}
}

func TestE2EFlareScreen(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, "flare", "--speed", "60")
	tm.waitFor("How strong is it right now?")
	tm.keys("7")
	s := tm.waitFor("Moderate (4-6)")
	// The first moderate entry is the first line under its heading.
	lines := strings.Split(s, "\n")
	first := ""
	for i, l := range lines {
		if strings.Contains(l, "Moderate (4-6)") && i+1 < len(lines) {
			first = strings.TrimSpace(strings.TrimLeft(lines[i+1], " ▸"))
		}
	}
	num, title, _ := strings.Cut(first, " ")
	if num == "" || !strings.Contains(title, "Walk around the house") {
		t.Fatalf("first moderate entry %q:\n%s", first, s)
	}
	tm.keys(num)
	tm.waitFor("Walk around the house")
	tm.waitUntil(`"Good night."`, 30*time.Second, func(s string) bool { return strings.Contains(s, "Good night.") })
	tm.keys("Enter")
	tm.answerAfter()

	doc := readExport(t, tm.sb)
	if doc.Version != 2 || len(doc.Nights) != 1 || len(doc.Nights[0].Events) != 1 {
		t.Fatalf("export %+v, want one night with one event", doc)
	}
	e := doc.Nights[0].Events[0]
	if e.Severity != 7 || len(e.Tried) != 1 || e.Tried[0].ID != "walk" || e.Tried[0].Minutes == nil || *e.Tried[0].Minutes != 5 ||
		e.SeverityAfter == nil || *e.SeverityAfter != 3 || e.Helped == nil || *e.Helped != "a-lot" {
		t.Errorf("event %+v, want 7, walk 5 min, then 3, helped a lot", e)
	}
	if runs := doc.Nights[0].Runs; len(runs) != 1 || !runs[0].Flare || runs[0].Name != "toolkit-walk" {
		t.Errorf("runs %+v, want the walk as a flare run", runs)
	}
}

// TestE2EFlareFlags records the example from flags, refuses bad
// flags naming them, and carries the event through export and import.
func TestE2EFlareFlags(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	args := []string{"flare", "--severity", "7", "--tried", "walk:10", "--tried", "stretch", "--after", "3",
		"--helped", "a-lot", "--at", "02:10", "--night", "2026-11-22", "--db", sb.db}
	out, errOut, code := sb.run(t, sb.command(args...))
	if code != 0 || !strings.Contains(out, "Recorded a flare-up at 02:10 (night of 2026-11-22): 7, tried walk 10 min, stretch, 3 afterwards, helped a lot.") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	bad := []struct {
		args []string
		want string
	}{
		{[]string{"--severity", "11"}, "--severity: 11 is out of range"},
		{[]string{"--severity", "5", "--helped", "maybe"}, "--helped"},
		{[]string{"--severity", "5", "--tried", "walk:ten"}, "--tried"},
		{[]string{"--severity", "5", "--after", "-1"}, "--after"},
		{[]string{"--severity", "5", "--at", "25:00"}, "--at"},
		{[]string{"--severity", "5", "--night", "2026-02-30"}, "--night"},
		{[]string{"--after", "3"}, "--severity is needed"},
		// The first is kept, never replaced by another at its time.
		{[]string{"--severity", "8", "--tried", "stretch", "--at", "02:10", "--night", "2026-11-22"},
			"--at: 02:10: a flare-up is already recorded at 02:10 on the night of 2026-11-22 (severity 7); give another time"},
		{[]string{"--severity", "5", "--night", "2026-11-22"}, "--at is needed for a night before tonight"},
		{[]string{"--severity", "5", "--tried", "bogus:10"}, `--tried: "bogus" is not in your toolkit or your records; the measures known are: stretch,`},
		{[]string{"--severity", "5", "--tried", ""}, `--tried: "": want a measure's id`},
		{[]string{"--severity", "5", "--helped", "a-lot"}, "--helped needs --tried"},
	}
	before := exportJSON(t, sb)
	for _, b := range bad {
		out, errOut, code := sb.run(t, sb.command(append(append([]string{"flare"}, b.args...), "--db", sb.db)...))
		if code != 2 || !strings.Contains(errOut, b.want) {
			t.Errorf("flare %v: exit %d, %q %q; want 2 and %q", b.args, code, out, errOut, b.want)
		}
	}
	if exportJSON(t, sb) != before {
		t.Error("a refused flare-up changed the records")
	}

	doc := readExport(t, sb)
	if len(doc.Nights) != 1 || len(doc.Nights[0].Events) != 1 {
		t.Fatalf("export %+v", doc)
	}
	e := doc.Nights[0].Events[0]
	if !strings.HasPrefix(e.At, "2026-11-23T02:10:00") || len(e.Tried) != 2 || e.Tried[1].Minutes != nil {
		t.Errorf("event %+v", e)
	}

	// Export, import elsewhere (twice: the second changes nothing), export.
	file := filepath.Join(sb.dir, "backup.json")
	if err := os.WriteFile(file, []byte(before), 0o600); err != nil {
		t.Fatal(err)
	}
	other := newSandbox(t)
	for i, want := range []string{"added, 0 updated, 0 unchanged", "0 updated, 1 unchanged"} {
		out, errOut, code := other.run(t, other.command("import", file, "--db", other.db))
		if code != 0 || !strings.Contains(out+errOut, want) {
			t.Errorf("import %d: exit %d, %q %q; want %q", i+1, code, out, errOut, want)
		}
	}
	if got := exportJSON(t, other); got != before {
		t.Errorf("round trip differs:\n%s\nwant\n%s", got, before)
	}
}

// TestE2EFlareQuickSuccession: flare-ups noted from flags within one
// second are each kept, a second apart.
func TestE2EFlareQuickSuccession(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	for range 3 {
		if out, errOut, code := sb.run(t, sb.command("flare", "--severity", "7", "--db", sb.db)); code != 0 {
			t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
		}
	}
	n := 0
	seen := map[string]bool{}
	for _, night := range readExport(t, sb).Nights {
		for _, e := range night.Events {
			n++
			seen[e.At] = true
		}
	}
	if n != 3 || len(seen) != 3 {
		t.Errorf("%d flare-ups at %d instants kept of three noted; want 3", n, len(seen))
	}
}
