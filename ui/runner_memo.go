package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// runnerMemo is what the run's view keeps between seconds: the text that
// changes with the step, the size or the palette, and the line of keys.
// Update keeps it current (remember); View only reads it, and makes what
// it lacks afresh.
type runnerMemo struct {
	text screen.Memo[textKey, stepText]
	keys screen.Memo[screen.HelpLineKey, string]
}

// stepText is a step's text, styled and wrapped to the screen.
type stepText struct {
	header, title, instruction, cue, safety, next string
}

// textKey is everything stepText depends on.
type textKey struct {
	width       int
	styles      *screen.Styles
	step, phase int
}

func (m *runner) textKey(snap routine.Snapshot) textKey {
	return textKey{width: m.sh.Width, styles: m.sh.Styles, step: snap.Step, phase: snap.Phase}
}

// stepText styles and wraps the step's text for snap.
func (m *runner) stepText(snap routine.Snapshot) func() stepText {
	return func() stepText {
		st, w := m.sh.Styles, m.sh.Width
		r := m.engine.Routine()
		step := r.Steps[snap.Step]
		t := stepText{
			header: screen.Header(st, w, r.DisplayTitle(), fmt.Sprintf("step %d of %d", snap.Step+1, len(r.Steps))),
			title:  screen.Wrap(st.Heading, w, step.Title),
		}
		if step.Instruction != "" {
			t.instruction = screen.Wrap(st.Text, w, step.Instruction)
		}
		if cue := step.Phases[snap.Phase].Cue; cue != "" {
			t.cue = screen.Wrap(st.Text, w, cue)
		}
		if step.Safety != "" {
			t.safety = screen.Wrap(st.Warn, w, "⚠ "+step.Safety)
		}
		if snap.Step+1 < len(r.Steps) {
			n := r.Steps[snap.Step+1]
			length := routine.FormatDuration(n.Duration())
			if n.Waits() {
				length = "when you are ready"
			}
			t.next = screen.Wrap(st.Faint, w, "next: "+n.Title+" · "+length)
		}
		return t
	}
}

// shortHelp is the line of keys for bindings, from the memo when it holds
// it.
func (m *runner) shortHelp(bindings []key.Binding) string {
	return m.memo.keys.Get(m.sh.HelpLineKeyOf(bindings), func() string { return m.sh.ShortHelp(bindings) })
}

// remember keeps the memo current for the view the run shows now.
func (m *runner) remember() {
	snap := m.engine.Snapshot()
	if snap.Done || bool(m.showHelp) {
		return
	}
	m.memo.text.Keep(m.textKey(snap), m.stepText(snap))
	keys := m.keys.ShortHelp()
	if snap.Waiting {
		keys = m.waitingKeys()
	}
	m.memo.keys.Keep(m.sh.HelpLineKeyOf(keys), func() string { return m.sh.ShortHelp(keys) })
}
