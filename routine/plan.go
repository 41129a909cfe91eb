package routine

// This file turns checked steps into their timed phases (the plan), and
// prints a plan for a person to read.

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// routine checks a decoded file and expands its steps.
func (c *checker) routine(fr *fileRoutine) *Routine {
	r := &Routine{
		Title:       c.text("", "title", fr.Title, true, maxTitle),
		Description: c.text("", "description", fr.Description, false, maxDesc),
	}
	switch {
	case len(fr.Steps) == 0:
		c.fail("", "no steps: add at least one [[steps]] table")
	case len(fr.Steps) > MaxSteps:
		c.fail("steps", "too many steps: %d (at most %d)", len(fr.Steps), MaxSteps)
	default:
		for i := range fr.Steps {
			r.Steps = append(r.Steps, c.step(i, &fr.Steps[i]))
		}
	}
	if d := r.Duration(); len(c.errs) == 0 && d > MaxRoutineDuration {
		c.fail("", "too long in total: %s (at most %d hours)", FormatDuration(d), int(MaxRoutineDuration.Hours()))
	}
	return r
}

const kindList = "hold, interval, tense-release or breathing"

// stepKeys are a step's optional keys by the kinds that use them.
var stepKeys = map[Kind][]string{
	Hold:         {"seconds", "minutes", "sides", "rounds"},
	TenseRelease: {"groups", "sides", "tense", "release", "cues"},
	Interval:     {"cycles", "phases"},
	Breathing:    {"inhale", "hold", "exhale", "hold_after", "minutes", "seconds", "cycles"},
}

func (c *checker) step(i int, s *fileStep) Step {
	p := fmt.Sprintf("steps[%d]", i+1)
	n := len(c.errs)
	st := Step{
		Title:       c.text(p, "title", s.Title, true, maxTitle),
		Instruction: c.text(p, "instruction", s.Instruction, true, maxText),
		Safety:      c.text(p, "safety", s.Safety, false, maxText),
		Kind:        Kind(s.Kind),
	}
	switch {
	case s.Kind == "":
		c.fail(p, "missing kind (want %s)", kindList)
		return st
	case !slices.Contains(Kinds, st.Kind):
		c.fail(p+".kind", "unknown step kind %q (want %s)", s.Kind, kindList)
		return st
	}
	set := map[string]bool{
		"seconds": s.Seconds != nil, "minutes": s.Minutes != nil, "sides": s.Sides != nil,
		"rounds": s.Rounds != nil, "groups": s.Groups != nil, "tense": s.Tense != nil,
		"release": s.Release != nil, "cues": s.Cues != nil, "cycles": s.Cycles != nil,
		"phases": s.Phases != nil, "inhale": s.Inhale != nil, "hold": s.Hold != nil,
		"exhale": s.Exhale != nil, "hold_after": s.HoldAfter != nil,
	}
	for _, k := range stepKeyNames {
		if set[k] && !slices.Contains(stepKeys[st.Kind], k) {
			c.fail(p+"."+k, "not used by a %s step", st.Kind)
		}
	}
	switch st.Kind {
	case Hold:
		st.Phases = c.hold(p, s)
	case TenseRelease:
		st.Phases = c.tenseRelease(p, s)
	case Interval:
		st.Phases = c.interval(p, s)
	case Breathing:
		st.Phases = c.breathing(p, s)
	}
	if d := st.Duration(); len(c.errs) == n && d > MaxStepDuration {
		c.fail(p, "too long: %s (a step may last at most %d hours)", FormatDuration(d), int(MaxStepDuration.Hours()))
	}
	return st
}

// hold expands a hold: per round, each side in turn.
func (c *checker) hold(p string, s *fileStep) []Phase {
	secs, ok := c.length(p, s.Seconds, s.Minutes)
	rounds, ok2 := c.count(p+".rounds", s.Rounds)
	sides, ok3 := c.names(p, "sides", s.Sides, false)
	if !ok || !ok2 || !ok3 || !c.fits(p, rounds*max(1, len(sides))) {
		return nil
	}
	d := time.Duration(secs) * time.Second
	var out []Phase
	for r := 1; r <= rounds; r++ {
		if len(sides) == 0 {
			ph := Phase{Label: "hold", Cue: "Begin.", Duration: d}
			if rounds > 1 {
				ph.Label, ph.Cue = fmt.Sprintf("round %d of %d", r, rounds), fmt.Sprintf("Round %d of %d.", r, rounds)
			}
			out = append(out, ph)
			continue
		}
		for i, side := range sides {
			cue := fmt.Sprintf("Switch to the %s side.", side)
			switch {
			case r == 1 && i == 0:
				cue = sentence(side + " side")
			case i == 0:
				cue = fmt.Sprintf("Round %d of %d: %s side.", r, rounds, side)
			}
			out = append(out, Phase{Label: side + " side", Cue: cue, Duration: d})
		}
	}
	return out
}

// tenseRelease expands each group, tensed then released: all the groups of
// one side, then all of the next.
func (c *checker) tenseRelease(p string, s *fileStep) []Phase {
	groups, ok := c.names(p, "groups", s.Groups, true)
	sides, ok2 := c.names(p, "sides", s.Sides, false)
	tense, ok3 := c.need(p, "tense", s.Tense, 1, maxTense)
	release, ok4 := c.need(p, "release", s.Release, 1, maxSeconds)
	cues := map[string]string{}
	for _, k := range slices.Sorted(maps.Keys(s.Cues)) {
		g := strings.ToLower(strings.TrimSpace(k))
		if !slices.Contains(groups, g) {
			c.fail(p+".cues."+k, "no group %q in groups", k)
		}
		cues[g] = c.text(p+".cues", k, s.Cues[k], false, maxText)
	}
	if !ok || !ok2 || !ok3 || !ok4 || !c.fits(p, 2*len(groups)*max(1, len(sides))) {
		return nil
	}
	if len(sides) == 0 {
		sides = []string{""}
	}
	var out []Phase
	for _, side := range sides {
		for _, g := range groups {
			who := strings.TrimSpace(side + " " + g)
			cue := "Tense your " + who + "."
			if cues[g] != "" {
				cue += " " + sentence(cues[g])
			}
			out = append(out,
				Phase{Label: "tense " + who, Cue: cue, Duration: time.Duration(tense) * time.Second},
				Phase{Label: "release", Cue: "Release and let the " + who + " go soft.", Duration: time.Duration(release) * time.Second})
		}
	}
	return out
}

// interval expands the phases, in order, once per cycle.
func (c *checker) interval(p string, s *fileStep) []Phase {
	cycles, ok := c.count(p+".cycles", s.Cycles)
	if len(s.Phases) == 0 {
		c.fail(p, "no phases: add [[steps.phases]] tables, each with a name and seconds")
		return nil
	}
	if !ok || !c.fits(p, len(s.Phases)*cycles) {
		return nil
	}
	n := len(c.errs)
	one := make([]Phase, len(s.Phases))
	for j, ph := range s.Phases {
		q := fmt.Sprintf("%s.phases[%d]", p, j+1)
		name := c.name(q, "name", ph.Name, true)
		secs, _ := c.need(q, "seconds", ph.Seconds, 1, maxSeconds)
		cue := c.text(q, "cue", ph.Cue, false, maxText)
		if cue == "" {
			cue = sentence(name)
		}
		one[j] = Phase{Label: name, Cue: cue, Duration: time.Duration(secs) * time.Second}
	}
	if len(c.errs) > n {
		return nil
	}
	var out []Phase
	for range cycles {
		out = append(out, one...)
	}
	return out
}

// breathing makes one paced phase. A length given in minutes or seconds that
// is not a whole number of breaths is rounded up to whole breaths, so the
// pacer never stops mid-breath: 5 minutes of 4-7-8 breathing (19 s a breath)
// is 16 breaths, 5:04.
func (c *checker) breathing(p string, s *fileStep) []Phase {
	in, ok := c.need(p, "inhale", s.Inhale, 1, maxBreath)
	ex, ok2 := c.need(p, "exhale", s.Exhale, 1, maxBreath)
	hold, ok3 := c.optional(p+".hold", s.Hold, 0, maxBreath)
	after, ok4 := c.optional(p+".hold_after", s.HoldAfter, 0, maxBreath)
	var given []string
	for _, k := range []struct {
		key string
		v   *int64
	}{{"minutes", s.Minutes}, {"seconds", s.Seconds}, {"cycles", s.Cycles}} {
		if k.v != nil {
			given = append(given, k.key)
		}
	}
	switch {
	case len(given) == 0:
		c.fail(p, "missing length: give one of minutes, seconds or cycles")
		return nil
	case len(given) > 1:
		c.fail(p+"."+given[1], "give only one of minutes, seconds or cycles")
		return nil
	}
	var breaths int64
	ok5 := true
	cycle := in + hold + ex + after
	switch given[0] {
	case "cycles":
		breaths, ok5 = c.need(p, "cycles", s.Cycles, 1, maxSeconds)
	default:
		var secs int64
		secs, ok5 = c.length(p, s.Seconds, s.Minutes)
		if cycle > 0 {
			breaths = (secs + cycle - 1) / cycle
		}
	}
	if !ok || !ok2 || !ok3 || !ok4 || !ok5 {
		return nil
	}
	b := Breath{Inhale: sec(in), Hold: sec(hold), Exhale: sec(ex), HoldAfter: sec(after)}
	cue := fmt.Sprintf("Breathe in for %d s", in)
	if hold > 0 {
		cue += fmt.Sprintf(", hold for %d s", hold)
	}
	cue += fmt.Sprintf(", out for %d s", ex)
	if after > 0 {
		cue += fmt.Sprintf(", rest for %d s", after)
	}
	return []Phase{{Label: "breathe", Cue: cue + ".", Duration: sec(breaths * cycle), Breath: &b}}
}

func sec(n int64) time.Duration { return time.Duration(n) * time.Second }

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
	fmt.Fprintf(&b, "%s in total, %d %s\n", FormatDuration(r.Duration()), len(r.Steps), plural(len(r.Steps), "step", "steps"))
	if r.Description != "" {
		fmt.Fprintf(&b, "%s\n", r.Description)
	}
	width := len(fmt.Sprint(len(r.Steps)))
	indent := strings.Repeat(" ", width+2)
	for i, s := range r.Steps {
		fmt.Fprintf(&b, "\n%*d. %s — %s, %s\n", width, i+1, s.Title, FormatDuration(s.Duration()), s.Kind)
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
		return fmt.Sprintf("%s, %d %s", strings.Join(parts, " · "), n, plural(n, "breath", "breaths"))
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
