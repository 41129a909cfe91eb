package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestE2EEditAPastEveningLog: E on a night's detail in history opens its
// evening log; a new rating saved there is in the database, with the
// night's ticked items kept, and no routine ran.
func TestE2EEditAPastEveningLog(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	importHistory(t, sb)
	tm := startTermIn(t, sb, "history")
	tm.waitFor("November 2026")
	tm.keys("2")
	tm.waitFor("Nights, newest first")
	tm.keys("Enter") // 22 Nov: legs 2, caffeine
	tm.waitFor("[3 Night]")
	tm.keys("E")
	tm.waitFor("Legs that evening")
	tm.keys("9", "C-s")
	s := tm.waitFor("Legs then         9 of 10")
	if !strings.Contains(s, "[3 Night]") {
		t.Errorf("not back on the night:\n%s", s)
	}
	tm.keys("q")
	if code, s := tm.exited(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, s)
	}
	var doc struct {
		Nights []struct {
			Night   string `json:"night"`
			Evening *struct {
				Symptoms *int     `json:"symptoms"`
				Tags     []string `json:"tags"`
			} `json:"evening"`
			Runs []json.RawMessage `json:"runs"`
		} `json:"nights"`
	}
	if err := json.Unmarshal([]byte(exportJSON(t, sb)), &doc); err != nil {
		t.Fatal(err)
	}
	for _, n := range doc.Nights {
		if n.Night != "2026-11-22" {
			continue
		}
		if n.Evening == nil || n.Evening.Symptoms == nil || *n.Evening.Symptoms != 9 ||
			strings.Join(n.Evening.Tags, ",") != "caffeine" || len(n.Runs) != 1 {
			t.Errorf("22 Nov after the edit: %+v, %d runs", n.Evening, len(n.Runs))
		}
		return
	}
	t.Error("22 Nov is gone from the export")
}

// TestE2EStatusNeverWrites: status over a real database leaves every file
// as it was, and with no database makes none.
func TestE2EStatusNeverWrites(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	out, errOut, code := sb.run(t, sb.command("status", "--db", sb.db))
	if code != 0 || out != "wind-down not yet done tonight\n" && out != "check-in for last night missing\n" {
		t.Fatalf("status with no database: exit %d %q %s", code, out, errOut)
	}
	if _, err := os.Stat(sb.db); !os.IsNotExist(err) {
		t.Fatalf("status made the database: %v", err)
	}
	importHistory(t, sb)
	files := func() map[string][]byte {
		m := map[string][]byte{}
		paths, _ := filepath.Glob(sb.db + "*")
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			m[p] = data
		}
		return m
	}
	before := files()
	out, errOut, code = sb.run(t, sb.command("status", "--format", "json", "--db", sb.db))
	var st struct {
		Tonight string `json:"tonight"`
		Line    string `json:"line"`
	}
	if err := json.Unmarshal([]byte(out), &st); code != 0 || err != nil || st.Tonight == "" {
		t.Fatalf("status --format json: exit %d, %v: %s %s", code, err, out, errOut)
	}
	after := files()
	for p, data := range before {
		if !bytes.Equal(after[p], data) {
			t.Errorf("status changed %s", filepath.Base(p))
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok && !strings.HasSuffix(p, "-shm") && !strings.HasSuffix(p, "-wal") {
			t.Errorf("status made %s", filepath.Base(p))
		}
	}
}

// TestE2EHelpKey: ? on home shows every key, and any key goes back.
func TestE2EHelpKey(t *testing.T) {
	t.Parallel()
	tm := startTerm(t)
	s := tm.waitFor("? help")
	tm.keys("?")
	s2 := tm.waitFor("any key to go back")
	if !strings.Contains(s2, "morning check-in") || !strings.Contains(s2, "choose a routine") {
		t.Errorf("the keys page lacks home's keys:\n%s", s2)
	}
	tm.keys("x")
	tm.waitFor("Morning check-in")
	tm.keys("q")
	if code, _ := tm.exited(); code != 0 {
		t.Errorf("exit %d after:\n%s", code, s)
	}
}
