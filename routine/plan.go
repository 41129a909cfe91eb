package routine

// This file prints a routine's plan for a person to read.

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// FormatDuration shows d as m:ss, or h:mm:ss from an hour up: 0:30, 2:00,
// 30:00, 1:05:00. Partial seconds are dropped, not rounded.
func FormatDuration(d time.Duration) string {
	s, sign := int64(d/time.Second), ""
	if s < 0 {
		s, sign = -s, "-"
	}
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// WritePlan prints a readable plan of r: a header, then each step with its
// length, kind, phases (repeats collapsed) and safety note.
func WritePlan(w io.Writer, r *Routine) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n", r.DisplayTitle(), r.Name)
	fmt.Fprintf(&b, "%s in total, %d %s", FormatDuration(r.Duration()), len(r.Steps), Plural(len(r.Steps), "step", "steps"))
	waits := 0
	for _, s := range r.Steps {
		if s.Waits() {
			waits++
		}
	}
	if waits > 0 {
		fmt.Fprintf(&b, " (%d %s for you, untimed)", waits, Plural(waits, "waits", "wait"))
	}
	b.WriteString("\n")
	if r.Description != "" {
		fmt.Fprintf(&b, "%s\n", r.Description)
	}
	width := len(fmt.Sprint(len(r.Steps)))
	indent := strings.Repeat(" ", width+2)
	for i, s := range r.Steps {
		length := FormatDuration(s.Duration())
		if s.Waits() {
			length = "untimed"
		}
		fmt.Fprintf(&b, "\n%*d. %s — %s, %s\n", width, i+1, s.Title, length, s.Kind)
		fmt.Fprintf(&b, "%s%s\n", indent, phaseSummary(s))
		if s.Safety != "" {
			fmt.Fprintf(&b, "%sSafety: %s\n", indent, s.Safety)
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write plan of %s: %w", r.Name, err)
	}
	return nil
}

// phaseSummary describes a step's phases on one line.
func phaseSummary(s Step) string {
	ph := s.Phases
	if len(ph) == 0 {
		return "no phases"
	}
	if s.Waits() {
		return "waits until you say you are ready (space or Enter)"
	}
	if b := ph[0].Breath; len(ph) == 1 && b != nil && b.Cycle() > 0 {
		parts := []string{"in " + seconds(b.Inhale)}
		for _, p := range []struct {
			name string
			d    time.Duration
		}{{"hold", b.Hold}, {"out", b.Exhale}, {"rest", b.HoldAfter}} {
			if p.d > 0 {
				parts = append(parts, p.name+" "+seconds(p.d))
			}
		}
		n := int(ph[0].Duration / b.Cycle())
		return fmt.Sprintf("%s, %d %s", strings.Join(parts, " · "), n, Plural(n, "breath", "breaths"))
	}
	if line, ok := tenseSummary(ph); ok {
		return line
	}
	period := len(ph)
	for p := 1; p < len(ph); p++ {
		if len(ph)%p == 0 && repeats(ph, p) {
			period = p
			break
		}
	}
	parts := make([]string, period)
	for i, p := range ph[:period] {
		label := p.Label
		if isRound(label) {
			label = "hold"
		}
		parts[i] = label + " " + FormatDuration(p.Duration)
	}
	line := strings.Join(parts, " · ")
	if n := len(ph) / period; n > 1 {
		unit := map[Kind]string{Hold: "rounds", Interval: "cycles"}[s.Kind]
		line += fmt.Sprintf(", ×%d %s", n, cmp.Or(unit, "times"))
	}
	return line
}

// repeats says whether phases repeat with the given period.
func repeats(ph []Phase, period int) bool {
	for i := period; i < len(ph); i++ {
		a, b := ph[i], ph[i%period]
		if a.Duration != b.Duration || (a.Label != b.Label && !(isRound(a.Label) && isRound(b.Label))) {
			return false
		}
	}
	return true
}

func isRound(label string) bool { return strings.HasPrefix(label, "round ") }

// tenseSummary describes tense/release pairs of equal lengths.
func tenseSummary(ph []Phase) (string, bool) {
	if len(ph)%2 != 0 {
		return "", false
	}
	var groups []string
	for i := 0; i < len(ph); i += 2 {
		t, r := ph[i], ph[i+1]
		who, ok := strings.CutPrefix(t.Label, "tense ")
		if !ok || r.Label != "release" || t.Duration != ph[0].Duration || r.Duration != ph[1].Duration {
			return "", false
		}
		groups = append(groups, who)
	}
	return fmt.Sprintf("tense %s · release %s, for %s", FormatDuration(ph[0].Duration), FormatDuration(ph[1].Duration), strings.Join(groups, ", ")), true
}

// seconds shows a short duration as "4 s" or "2.5 s".
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + " s"
}

// Plural is one or many by n, as a count reads: "1 step", "9 steps".
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
