package e2e

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// stepTimeRE reads the runner's step bar: "step ━━──── 1:05 / 5:00".
var stepTimeRE = regexp.MustCompile(`step\s+\S+ (\d+):(\d\d) / 5:00`)

// TestE2ERunnerLeftPartWayKeepsTheStep leaves a flare-up's 5-minute walk
// part-way: the walk is saved cut short with the time it ran, and the
// flare-up records its minutes.
func TestE2ERunnerLeftPartWayKeepsTheStep(t *testing.T) {
	t.Parallel()
	// At speed 30 the walk lasts 10 s: room to leave it between 1:00 and
	// 4:30, where it is cut short, on a busy machine.
	tm := startTerm(t, "flare", "--speed", "30")
	tm.waitFor("How strong is it right now?")
	tm.keys("5")
	s := tm.waitFor("Moderate (4-6)")
	num := ""
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "Walk around the house") {
			num, _, _ = strings.Cut(strings.TrimSpace(strings.TrimLeft(l, " ▸")), " ")
		}
	}
	tm.keys(num)
	tm.waitUntil("a minute of the walk", waitDefault, func(s string) bool {
		m := stepTimeRE.FindStringSubmatch(s)
		if m == nil {
			return false
		}
		mins, _ := strconv.Atoi(m[1])
		return mins >= 1
	})
	tm.keys("q")
	tm.waitFor("Leave the routine?")
	tm.keys("y")
	tm.answerAfter()

	run := oneSession(t, tm.sb.db)
	if run.status != "abandoned" || len(run.steps) != 1 {
		t.Fatalf("session %+v, want abandoned with the walk's step", run)
	}
	st := run.steps[0]
	if st.status != "skipped" || st.actualMS < 60_000 || st.actualMS >= 270_000 {
		t.Fatalf("walk saved as %+v, want cut short after 1:00-4:30", st)
	}
	doc := readExport(t, tm.sb)
	want := int((st.actualMS + 30_000) / 60_000)
	if len(doc.Nights) != 1 || len(doc.Nights[0].Events) != 1 {
		t.Fatalf("export %+v, want one event", doc)
	}
	e := doc.Nights[0].Events[0]
	if len(e.Tried) != 1 || e.Tried[0].Minutes == nil || *e.Tried[0].Minutes != want {
		t.Errorf("event tried %+v, want walk %d min", e.Tried, want)
	}
}
