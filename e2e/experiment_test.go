package e2e

import (
	"regexp"
	"strings"
	"testing"
)

func TestE2EExperiment(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	ql := func(args ...string) (string, string, int) {
		t.Helper()
		return sb.run(t, sb.command(append(args, "--db", sb.db)...))
	}
	if out, errOut, code := ql("experiment"); code != 0 || !strings.Contains(out, "No experiment yet") {
		t.Fatalf("before any: exit %d\n%s%s", code, out, errOut)
	}

	// Refusals name the flag, exit 2, and save nothing.
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--without", "caffeine", "--weeks", "3"}, "--weeks: 3: want an even number"},
		{[]string{"--without", "caffeine", "--weeks", "2"}, "--weeks: 2:"},
		{[]string{"--without", "caffeine"}, "--weeks is needed"},
		{[]string{"--without", "coffee", "--weeks", "4"}, `--without: "coffee" is not a checklist id (caffeine, alcohol`},
		{[]string{"--with", "coffee", "--weeks", "4"}, `--with: "coffee" is not a checklist id`},
		{[]string{"--with", "caffeine", "--without", "alcohol", "--weeks", "4"}, "give one of --with ITEM and --without ITEM"},
		{[]string{"--weeks", "4"}, "give one of --with ITEM and --without ITEM"},
		{[]string{"--without", "caffeine", "--weeks", "four"}, `"four"`},
	} {
		_, errOut, code := ql(append([]string{"experiment", "start"}, bad.args...)...)
		if code != 2 || !strings.Contains(errOut, bad.want) {
			t.Errorf("start %v: exit %d, %q; want 2 and %q", bad.args, code, errOut, bad.want)
		}
	}
	if out, _, _ := ql("experiment"); !strings.Contains(out, "No experiment yet") {
		t.Fatalf("a refused start saved an experiment:\n%s", out)
	}

	out, errOut, code := ql("experiment", "start", "--without", "caffeine", "--weeks", "4")
	if code != 0 {
		t.Fatalf("start: exit %d\n%s%s", code, out, errOut)
	}
	weeks := regexp.MustCompile(`(?m)^  week +(\d) +\w{3} \d{4}-\d\d-\d\d to \w{3} \d{4}-\d\d-\d\d  (without caffeine|as usual)$`).
		FindAllStringSubmatch(out, -1)
	if len(weeks) != 4 || strings.Count(out, "without caffeine\n") != 2 || strings.Count(out, "as usual\n") != 2 {
		t.Fatalf("the schedule is not 4 balanced weeks:\n%s", out)
	}
	tonight := weeks[0][2]
	if !strings.Contains(out, "Tonight (the night of ") || !strings.Contains(out, "): "+tonight+" (week 1 of 4).") {
		t.Errorf("start does not give tonight's assignment (%s):\n%s", tonight, out)
	}

	// One at a time.
	if _, errOut, code := ql("experiment", "start", "--with", "alcohol", "--weeks", "4"); code != 2 ||
		!strings.Contains(errOut, "already running") || !strings.Contains(errOut, "quietlegs experiment stop") {
		t.Errorf("second start: exit %d, %q", code, errOut)
	}

	// Tonight's log, without caffeine: kept if tonight's week is one
	// without caffeine; not counted in a week as usual.
	if _, errOut, code := ql("evening", "--log-only", "--tag", "alcohol"); code != 0 {
		t.Fatalf("evening log: %d %s", code, errOut)
	}
	out, errOut, code = ql("experiment", "status")
	if code != 0 || !strings.Contains(out, "Experiment: without caffeine, 4 weeks from") ||
		!strings.Contains(out, "Tonight: "+tonight+" (week 1 of 4).") || !strings.Contains(out, "Nights so far: 1 night, 1 recorded.") {
		t.Fatalf("status: exit %d\n%s%s", code, out, errOut)
	}
	kept := "Kept to the plan: no week without caffeine has begun yet."
	if tonight == "without caffeine" {
		kept = "Kept to the plan: 1 of 1 evening checklist answered in the weeks without caffeine so far"
	}
	if !strings.Contains(strings.Join(strings.Fields(out), " "), kept) {
		t.Errorf("status lacks %q:\n%s", kept, out)
	}
	if again, _, _ := ql("experiment"); again != out {
		t.Errorf("experiment and experiment status differ:\n%s\n---\n%s", again, out)
	}

	out, _, code = ql("experiment", "stop")
	if code != 0 || !strings.Contains(out, "Stopped the experiment without caffeine in week 1 of 4; its nights are kept.") {
		t.Fatalf("stop: exit %d\n%s", code, out)
	}
	if out, _, code := ql("experiment", "stop"); code != 0 || !strings.Contains(out, "No experiment is running") {
		t.Errorf("second stop: exit %d\n%s", code, out)
	}
	out, _, code = ql("experiment")
	if code != 0 || !strings.Contains(out, "No experiment is running.") || !strings.Contains(out, "was stopped on the night of") {
		t.Errorf("status after stop: exit %d\n%s", code, out)
	}
	out, _, code = ql("experiment", "result")
	if code != 0 || !strings.Contains(out, "Experiment without caffeine: 4 weeks from") || !strings.Contains(out, "stopped on the night of") ||
		!strings.Contains(out, "not enough weeks yet") || !strings.Contains(out, "Welch") {
		t.Errorf("result: exit %d\n%s", code, out)
	}
	// Stopped, another may start. A remedy's plan says to agree it with
	// a clinician.
	if out, errOut, code := ql("experiment", "start", "--with", "magnesium", "--weeks", "6"); code != 0 ||
		!strings.Contains(out, "only as agreed with your clinician") {
		t.Errorf("start after stop: exit %d\n%s%s", code, out, errOut)
	}
}
