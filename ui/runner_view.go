package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// View draws the run. At 60x20 and up it has a big countdown and room to
// breathe; smaller, it packs the same facts into fewer lines.
func (m *runner) View() string {
	snap := m.engine.Snapshot()
	if snap.Done {
		return m.summary(snap)
	}
	if m.showHelp {
		return m.helpPage()
	}
	big := m.sh.Width >= 50 && m.sh.Height >= 20
	st := m.sh.Styles
	w := m.sh.Width
	r := m.engine.Routine()
	step := r.Steps[snap.Step]
	phase := step.Phases[snap.Phase]

	text := m.memo.text.Get(m.textKey(snap), m.stepText(snap))
	var top []string
	gap := func() {
		if big {
			top = append(top, "")
		}
	}
	top = append(top, text.header)
	gap()
	top = append(top, text.title)
	if text.instruction != "" {
		top = append(top, text.instruction)
	}
	gap()
	if snap.Waiting {
		top = append(top, screen.Wrap(st.Accent, w, "Press space or Enter when you are ready."))
	} else {
		top = append(top, m.phaseLine(snap, phase, big, text.cue)...)
	}
	if b := m.breath(snap); b != nil {
		top = append(top, m.pacer(*b, snap))
	}
	gap()
	top = append(top, m.bars(snap)...)
	if text.safety != "" {
		gap()
		top = append(top, text.safety)
	}
	if text.next != "" {
		gap()
		top = append(top, text.next)
	}
	foot := m.status(snap)
	if m.alongside {
		foot = st.Faint.Render(screen.Truncate("Running alongside another window.", w)) + "\n" + foot
	}
	if m.cueNote != "" {
		foot = strings.Join(screen.WrapLines(st.Faint, w, m.cueNote), "\n") + "\n" + foot
	}
	return screen.Layout(m.sh.Height, strings.Join(top, "\n"), foot)
}

// phaseLine shows what to do now and how long is left of it.
// cue is the phase's cue, wrapped.
func (m *runner) phaseLine(snap routine.Snapshot, phase routine.Phase, big bool, cue string) []string {
	st := m.sh.Styles
	left := screen.Countdown(snap.PhaseRemaining)
	// The heading with its counter: "Left · round 1 of 2".
	label := strings.TrimSuffix(routine.Sentence(phase.Heading), ".")
	var lines []string
	if big {
		if label != "" {
			lines = append(lines, st.Accent.Render(label))
		}
		lines = append(lines, st.Accent.Render(bigTime(left)))
	} else {
		line := st.Accent.Render(left)
		if label != "" {
			line = st.Accent.Render(label+"  ") + line
		}
		lines = append(lines, line)
	}
	if cue != "" {
		lines = append(lines, cue)
	}
	return lines
}

// pacer is a bar that fills as you breathe in and empties as you breathe out.
func (m *runner) pacer(b routine.Breath, snap routine.Snapshot) string {
	st := m.sh.Styles
	stage, frac := b.At(snap.PhaseElapsed)
	fill := frac
	switch stage {
	case routine.HoldIn:
		fill = 1
	case routine.Exhale:
		fill = 1 - frac
	case routine.HoldOut:
		fill = 0
	}
	const labelW = 12
	width := max(m.sh.Width-labelW, 4)
	label := fmt.Sprintf("%-*s", labelW, stage.String())
	if !snap.Running {
		fill = 0
	}
	return st.Accent.Render(label) + m.sh.Bar(width, fill)
}

func (m *runner) bars(snap routine.Snapshot) []string {
	st := m.sh.Styles
	const labelW = 8
	timesW := len(" 30:00 / 30:00")
	// Narrow, the times matter more than the bars.
	width := m.sh.Width - labelW - timesW
	row := func(name string, pos, total time.Duration) string {
		times := st.Faint.Render(" " + routine.FormatDuration(pos) + " / " + routine.FormatDuration(total))
		label := st.Faint.Render(fmt.Sprintf("%-*s", labelW, name))
		if width < 4 {
			return screen.Truncate(label+times, m.sh.Width)
		}
		frac := 0.0
		if total > 0 {
			frac = float64(pos) / float64(total)
		}
		return label + m.sh.Bar(width, frac) + times
	}
	if snap.Waiting {
		return []string{row("routine", snap.Position, snap.Total)} // the step has no length
	}
	return []string{
		row("step", snap.StepPosition, snap.StepDuration),
		row("routine", snap.Position, snap.Total),
	}
}

// status is the bottom line: a question, a reason to know, or the keys.
func (m *runner) status(snap routine.Snapshot) string {
	st := m.sh.Styles
	w := m.sh.Width
	switch {
	case m.leave.Asking():
		return m.leave.Line(m.sh.Context)
	case m.notice != "":
		return screen.Wrap(st.Warn, w, "⚠ "+m.notice)
	case m.run.Err() != nil:
		return screen.Wrap(st.Warn, w, "⚠ not saved yet, will retry: "+m.run.Err().Error())
	case snap.Waiting:
		return m.shortHelp(m.waitingKeys())
	case !snap.Running && snap.PauseReason != "":
		return screen.Wrap(st.Warn, w, "Paused: "+snap.PauseReason+". space to go on")
	case !snap.Running:
		return screen.Wrap(st.Warn, w, "Paused. space to go on · q quit")
	}
	return m.shortHelp(m.keys.ShortHelp())
}

// waitingKeys are the keys shown while a step waits for a person.
func (m *runner) waitingKeys() []key.Binding {
	return []key.Binding{m.keys.Ready, m.keys.Next, m.keys.Back, m.keys.Help, m.keys.Quit}
}

func (m *runner) helpPage() string {
	return m.sh.KeysPage(m.keys.FullHelp(), "A chime sounds at every change: one tone within a step, two for a new "+
		"step, three at the end. Start with --voice to hear each cue spoken.")
}

func (m *runner) summary(snap routine.Snapshot) string {
	st := m.sh.Styles
	w := m.sh.Width
	r := m.engine.Routine()
	lines := []string{
		screen.Header(st, w, r.DisplayTitle(), routine.StatusWord(snap.Status)),
		"",
		st.Text.Render(tallyLines(m.engine.Tally(), w)),
		"",
	}
	nameW := max(w-21, 8) // room for "cut short at 12:34"
	for _, o := range m.engine.Outcomes() {
		lines = append(lines, screen.Truncate(st.Faint.Render(o.Mark+" ")+
			st.Text.Render(fmt.Sprintf("%-*s", nameW, screen.Truncate(o.Title, nameW)))+st.Faint.Render(" "+o.When), w))
	}
	lines = append(lines, "", st.Title.Render("Good night."))
	foot := "enter to close"
	switch {
	case m.then != nil: // a flare run: its questions come next
		foot = "enter: on, how strong now?"
	case m.fromHome:
		foot = "enter: back home"
	}
	return screen.Layout(m.sh.Height, strings.Join(lines, "\n"), st.Faint.Render(foot))
}

// tallyLines is the summary's tally, the time on a line of its own when
// both do not fit on one.
func tallyLines(tally string, w int) string {
	if ansi.StringWidth(tally) > w {
		tally = strings.ReplaceAll(tally, " · ", "\n")
	}
	return ansi.Wrap(tally, max(w, 1), "")
}
