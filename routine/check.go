package routine

// This file checks a decoded routine file: the routine, each step by its
// kind, and the problems found, collected with their lines. A step that
// passes becomes a spec, which expand.go turns into phases.

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Limits on a routine file. Anything beyond them is surely a typo (an extra
// zero, minutes for seconds), and they keep a bad file from making the app
// build millions of phases.
const (
	// MaxStepDuration is the longest a single step may last.
	MaxStepDuration = 4 * time.Hour
	// MaxStepPhases is the most phases one step may expand into.
	MaxStepPhases = 500
	// MaxSteps is the most steps a routine may have.
	MaxSteps = 100
	// MaxRoutineDuration is the longest a whole routine may last.
	MaxRoutineDuration = 8 * time.Hour

	maxFileSize  = 256 << 10 // bytes; a routine file is a few KiB
	maxSeconds   = int64(MaxStepDuration / time.Second)
	maxMinutes   = maxSeconds / 60
	maxCount     = MaxStepPhases // rounds or cycles
	maxBreath    = 60            // seconds for one part of a breath
	maxTense     = 60            // seconds
	maxTitle     = 80            // characters, also for descriptions of one line
	maxName      = 30            // characters of a side, group or phase name
	maxText      = 500           // characters of an instruction, safety note or cue
	maxDesc      = 2000          // characters of a routine description
	maxErrorsOut = 20            // problems reported per file
)

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// checker collects the problems of one file.
type checker struct {
	file string
	ix   *index
	errs []*FileError
}

// fail records a problem with field, placed at the line of field (or of the
// nearest enclosing table the file has).
func (c *checker) fail(field, format string, args ...any) {
	c.errs = append(c.errs, &FileError{File: c.file, Line: c.ix.line(field), Field: field, Msg: fmt.Sprintf(format, args...)})
}

// err returns the problems found, in line order, or nil.
func (c *checker) err() error {
	slices.SortStableFunc(c.errs, func(a, b *FileError) int { return cmp.Compare(a.Line, b.Line) })
	switch n := len(c.errs); {
	case n == 0:
		return nil
	case n == 1:
		return c.errs[0]
	case n > maxErrorsOut:
		c.errs = append(c.errs[:maxErrorsOut], &FileError{File: c.file, Msg: fmt.Sprintf("and %d more problems", n-maxErrorsOut)})
	}
	errs := make([]error, len(c.errs))
	for i, e := range c.errs {
		errs[i] = e
	}
	return errors.Join(errs...)
}

func (c *checker) routineName(file string) string {
	base, ok := strings.CutSuffix(filepath.Base(file), ".toml")
	switch {
	case !ok:
		c.fail("", "a routine file's name must end in .toml")
	case !nameRE.MatchString(base):
		c.fail("", "%q is not a usable routine name: use lower-case letters, digits and dashes, like calm-evening.toml", base)
	}
	return base
}

// routine checks a decoded file and expands its steps.
func (c *checker) routine(fr *fileRoutine) *Routine {
	r := &Routine{
		Title:       c.text("", "title", fr.Title, true, maxTitle),
		Description: c.text("", "description", fr.Description, false, maxDesc),
		PaceSound:   fr.PaceSound,
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

const kindList = "hold, interval, tense-release, breathing or ready"

// stepKeys are a step's optional keys by the kinds that use them.
var stepKeys = map[Kind][]string{
	Hold:         {"seconds", "minutes", "sides", "rounds"},
	TenseRelease: {"groups", "sides", "tense", "release", "cues"},
	Interval:     {"cycles", "phases"},
	Breathing:    {"inhale", "hold", "exhale", "hold_after", "minutes", "seconds", "cycles"},
	Ready:        {},
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
	var sp spec
	switch st.Kind {
	case Hold:
		sp = c.hold(p, s)
	case TenseRelease:
		sp = c.tenseRelease(p, s)
	case Interval:
		sp = c.interval(p, s)
	case Breathing:
		sp = c.breathing(p, s)
	case Ready:
		sp = readySpec{}
	}
	if sp != nil {
		st.Phases = sp.phases()
	}
	if d := st.Duration(); len(c.errs) == n && d > MaxStepDuration {
		c.fail(p, "too long: %s (a step may last at most %d hours)", FormatDuration(d), int(MaxStepDuration.Hours()))
	}
	return st
}

// hold checks a hold; nil if it has a problem.
func (c *checker) hold(p string, s *fileStep) spec {
	secs, ok := c.length(p, s.Seconds, s.Minutes)
	rounds, ok2 := c.count(p+".rounds", s.Rounds)
	sides, ok3 := c.names(p, "sides", s.Sides, false)
	if !ok || !ok2 || !ok3 || !c.fits(p, rounds*max(1, len(sides))) {
		return nil
	}
	return holdSpec{length: sec(secs), rounds: rounds, sides: sides}
}

// tenseRelease checks a tense-release step; nil if it has a problem.
func (c *checker) tenseRelease(p string, s *fileStep) spec {
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
	return tenseSpec{groups: groups, sides: sides, tense: sec(tense), release: sec(release), cues: cues}
}

// interval checks an interval step and its phases; nil if it has a problem.
func (c *checker) interval(p string, s *fileStep) spec {
	cycles, ok := c.count(p+".cycles", s.Cycles)
	if len(s.Phases) == 0 {
		c.fail(p, "no phases: add [[steps.phases]] tables, each with a name and seconds")
		return nil
	}
	if !ok || !c.fits(p, len(s.Phases)*cycles) {
		return nil
	}
	n := len(c.errs)
	one := make([]intervalPhase, len(s.Phases))
	for j, ph := range s.Phases {
		q := fmt.Sprintf("%s.phases[%d]", p, j+1)
		name := c.name(q, "name", ph.Name, true)
		secs, _ := c.need(q, "seconds", ph.Seconds, 1, maxSeconds)
		cue := c.text(q, "cue", ph.Cue, false, maxText)
		one[j] = intervalPhase{name: name, cue: cue, length: sec(secs)}
	}
	if len(c.errs) > n {
		return nil
	}
	return intervalSpec{cycles: cycles, one: one}
}

// breathing checks a breathing step; nil if it has a problem. A length
// given in minutes or seconds that is not a whole number of breaths is
// rounded up to whole breaths, so the pacer never stops mid-breath: 5
// minutes of 4-7-8 breathing (19 s a breath) is 16 breaths, 5:04.
func (c *checker) breathing(p string, s *fileStep) spec {
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
	return breathSpec{in: in, hold: hold, out: ex, after: after, breaths: breaths}
}
