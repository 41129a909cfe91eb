package e2e

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// smallDisk mounts a tmpfs of size bytes for the test, or skips when this
// machine does not allow it (not root, or no mount permission).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small disk here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fill writes to path until the disk is full.
func fill(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return
		}
	}
}

// TestE2EDiskFullDuringRoutine: the disk fills up mid-routine. The routine
// goes on and says saving failed; once there is room again, saving catches
// up and the record is whole.
func TestE2EDiskFullDuringRoutine(t *testing.T) {
	t.Parallel()
	disk := smallDisk(t, "400k")
	sb := newSandbox(t)
	db := filepath.Join(disk, "ql.db")
	// Create the database with room to spare, then start the routine.
	if _, errOut, code := sb.run(t, sb.command("export", "--db", db)); code != 0 {
		t.Fatal(errOut)
	}
	cmd := sb.command("evening", "--plain", "--routine", "quick", "--speed", "30", "--db", db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	next := func(what string, ok func(string) bool) string {
		t.Helper()
		timeout := time.After(30 * time.Second)
		for {
			select {
			case l, open := <-lines:
				if !open {
					t.Fatalf("output ended while waiting for %s", what)
				}
				if ok(l) {
					return l
				}
			case <-timeout:
				t.Fatalf("no %s within 30 s", what)
			}
		}
	}
	next("the first step", func(l string) bool { return strings.HasPrefix(l, "[1/6]") })
	junk := filepath.Join(disk, "junk")
	fill(t, junk)
	warn := next("a warning that saving failed", func(l string) bool { return strings.HasPrefix(l, "Warning:") })
	if !strings.Contains(warn, "full") || !strings.Contains(warn, "will retry") {
		t.Errorf("warning %q does not say the disk is full and that it will retry", warn)
	}
	if err := os.Remove(junk); err != nil {
		t.Fatal(err)
	}
	last := next("the closing line", func(l string) bool { return strings.Contains(l, "Good night.") })
	if !strings.Contains(last, "Finished · 6 of 6 steps done") {
		t.Errorf("closing line %q", last)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("routine ended with %v", err)
	}
	s := oneSession(t, db)
	if s.status != "completed" || len(s.steps) != 6 {
		t.Errorf("saved %+v, want the whole completed run once there was room again", s)
	}
}

// TestE2EReadOnlyDisk: a database on a read-only disk gets a clear message
// naming it, and nothing else happens.
func TestE2EReadOnlyDisk(t *testing.T) {
	t.Parallel()
	disk := smallDisk(t, "1m")
	sb := newSandbox(t)
	db := filepath.Join(disk, "ql.db")
	if _, errOut, code := sb.run(t, sb.command(append(checkin, "--db", db)...)); code != 0 {
		t.Fatal(errOut)
	}
	if out, err := exec.Command("mount", "-o", "remount,ro", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	before := fileSum(t, db)
	for _, args := range [][]string{
		{"evening", "--plain", "--routine", "quick", "--speed", "6000"},
		{"evening", "--log-only", "--symptoms", "2"},
		{"morning", "--night", "2026-11-22", "--quality", "5"},
	} {
		_, errOut, code := sb.run(t, sb.command(append(args, "--db", db)...))
		if code == 0 || !strings.Contains(errOut, "read-only") || !strings.Contains(errOut, db) {
			t.Errorf("%v: exit %d, %q; want a failure that says read-only and names %s", args, code, errOut, db)
		}
	}
	if fileSum(t, db) != before {
		t.Errorf("the database on the read-only disk changed")
	}
}
