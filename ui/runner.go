package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// Redraw pacing. The countdown needs a redraw only when its seconds change;
// the breathing pacer moves in smaller steps, so it ticks faster, and only
// while a breathing phase runs. Nothing ticks while paused.
const (
	pacerStep = 250 * time.Millisecond // routine time between pacer frames
	minTick   = 33 * time.Millisecond  // never redraw faster than this
	maxTick   = time.Second
)

type runnerKeys struct {
	Pause, Next, Back, Quit, Help key.Binding
	Close                         key.Binding
	// Ready answers a step that waits for the person.
	Ready key.Binding
}

func newRunnerKeys() runnerKeys {
	return runnerKeys{
		Pause: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause")),
		Next:  key.NewBinding(key.WithKeys("n", "right"), key.WithHelp("n", "next")),
		Back:  key.NewBinding(key.WithKeys("b", "left"), key.WithHelp("b", "back")),
		Quit:  key.NewBinding(key.WithKeys("q", "esc", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:  key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Close: key.NewBinding(key.WithKeys("enter", "q", "esc", "ctrl+c"), key.WithHelp("enter", "close")),
		Ready: key.NewBinding(key.WithKeys("space", "enter"), key.WithHelp("enter", "ready")),
	}
}

// ShortHelp is the help line under the runner.
func (k runnerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Pause, k.Next, k.Back, k.Help, k.Quit}
}

// FullHelp is the runner's page of help.
func (k runnerKeys) FullHelp() [][]key.Binding {
	full := func(b key.Binding, keys, desc string) key.Binding {
		b.SetHelp(keys, desc)
		return b
	}
	return [][]key.Binding{
		{full(k.Pause, "space", "pause or go on"), full(k.Ready, "enter", "ready (a step waits)"), full(k.Next, "n or →", "next step"), full(k.Back, "b or ←", "previous step")},
		{full(k.Quit, "q, esc, ctrl+c", "leave (asks first)"), k.Help},
	}
}

// tickMsg asks for a redraw. gen ties it to the tick chain that sent it, so
// ticks scheduled before a pause are dropped rather than doubling up.
type tickMsg struct{ gen int }

// runner guides a person through one run of a routine.
type runner struct {
	sh       *shared
	run      *journal.Run
	engine   *routine.Engine // run.Engine
	keys     runnerKeys
	gen      int
	leave    screen.Confirm // asked before leaving a run
	showHelp screen.KeysShown
	// notice is news from before the run (an evening log that could not
	// be saved), shown until the first key.
	notice string
	// cueNote says a sound player or voice was not found, shown above
	// the status line until the first key.
	cueNote string
	// alongside is set when another window runs a routine too.
	alongside bool
	// onEnd is called once the run has ended and is saved: it lets go of
	// the run lock.
	onEnd func()
	// then, when set, is what closing an ended run, or leaving one, does
	// instead of ending the program: a flare-up's questions afterwards.
	then func() tea.Cmd
	// fromHome is set when the routine was started from home: leaving it
	// shows the summary, and closing the summary goes back home. Started
	// by quietlegs evening, both end the program.
	fromHome bool
	// stage is the breath stage last cued, or -1 for none yet.
	stage routine.BreathStage
	// memo is the view's text kept between seconds (runner_memo.go).
	memo runnerMemo
}

// routineClosedMsg asks the root to go back home from a run's summary.
type routineClosedMsg struct{}

// savedMsg says how a save of the run went; ended is set when it saved
// the run's end.
type savedMsg struct {
	err   error
	ended bool
}

func newRunner(sh *shared, run *journal.Run) *runner {
	// Only y leaves: Enter and every other key stay, so a run is never left
	// by a key meant for it. A second ctrl+c leaves too, so it always gets
	// a person out.
	leave := screen.NewConfirm(
		key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "leave")),
		key.NewBinding(key.WithKeys("n"), key.WithHelp("any other key", "stays")),
		key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "leave")))
	return &runner{sh: sh, run: run, engine: run.Engine, keys: newRunnerKeys(), leave: leave, stage: -1}
}

// Init starts the run, unless it was restored part-way and waits paused.
func (m *runner) Init() tea.Cmd {
	if m.engine.Snapshot().Started {
		return m.save()
	}
	return m.after(m.engine.Start())
}

// save writes the run's state as it is now, in the background. The
// journal orders the saves, so a slow one never overwrites a newer state.
func (m *runner) save() tea.Cmd {
	run, p := m.run, m.run.Progress()
	return func() tea.Msg { return savedMsg{err: run.Save(context.Background(), p), ended: p.Ended()} }
}

func (m *runner) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	s, cmd := m.update(msg)
	m.remember()
	return s, cmd
}

func (m *runner) update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tickMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		evs := m.engine.Update()
		if len(evs) == 0 && m.run.Err() != nil {
			return m, tea.Batch(m.save(), m.after(evs), m.breathCue()) // retry a failed save once a tick
		}
		return m, tea.Batch(m.after(evs), m.breathCue())
	case savedMsg:
		if msg.err == nil && msg.ended {
			m.ended()
		}
		return m, nil
	case tea.KeyPressMsg:
		m.notice, m.cueNote = "", ""
		return m, m.key(msg)
	}
	return m, nil
}

func (m *runner) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case m.engine.Snapshot().Done:
		if key.Matches(msg, k.Close) {
			return m.close(msg.String() == "ctrl+c")
		}
	case m.leave.Asking():
		switch a := m.leave.Update(msg); {
		case a == screen.Quit || a == screen.Yes && !m.fromHome:
			// Root.Close saves once more as the program ends, in case
			// the program stops before this save is done.
			m.engine.Stop()
			if a == screen.Yes {
				return tea.Batch(m.save(), m.close(false))
			}
			return tea.Batch(m.save(), tea.Quit)
		case a == screen.Yes:
			// Started from home: the summary, then home.
			m.engine.Stop()
			return m.save()
		}
	case m.showHelp.Key(msg, k.Help):
	case key.Matches(msg, k.Quit):
		m.leave.Ask("Leave the routine? What you did is saved.")
	case m.engine.Waiting() && key.Matches(msg, k.Ready):
		return m.after(m.engine.Ready())
	case key.Matches(msg, k.Pause):
		return m.after(m.engine.TogglePause())
	case key.Matches(msg, k.Next):
		return m.after(m.engine.Next())
	case key.Matches(msg, k.Back):
		return m.after(m.engine.Back())
	}
	return nil
}

// close is what closing the run does: its then (a flare-up's questions),
// home when the routine was started from there, or the end of the program.
// ctrl+c (quit) always ends the program.
func (m *runner) close(quit bool) tea.Cmd {
	switch {
	case quit:
		return tea.Quit
	case m.then != nil:
		return m.then()
	case m.fromHome:
		return func() tea.Msg { return routineClosedMsg{} }
	}
	return tea.Quit
}

// after handles the engine's events: one cue for the batch (see
// eventsCue), a save for any transition, and the next redraw tick. The
// run lock goes once the end is saved (see savedMsg).
func (m *runner) after(evs []routine.Event) tea.Cmd {
	var cmds []tea.Cmd
	if len(evs) > 0 {
		cmds = append(cmds, m.save())
		m.stage = -1
	}
	if k, words, ok := eventsCue(m.engine.Routine(), m.engine.Status(), evs); ok {
		cmds = append(cmds, giveCue(m.sh.opts.Cues, k, words))
	}
	for _, ev := range evs {
		if ev.Kind == routine.Paused && ev.Reason != "" {
			// Eyes closed, a pause nobody asked for would go unnoticed.
			m.sh.opts.Cues.Say("Paused: " + ev.Reason + ". Press space to go on.")
		}
	}
	return tea.Batch(append(cmds, m.tick())...)
}

// breathCue sounds a breath in or out as it begins, with --pace-sound or
// a routine's pace_sound.
func (m *runner) breathCue() tea.Cmd {
	snap := m.engine.Snapshot()
	b := m.breath(snap)
	if b == nil || !snap.Running || !m.sh.opts.Cues.Paced(m.engine.Routine().PaceSound) {
		return nil
	}
	stage, _ := b.At(snap.PhaseElapsed)
	if stage == m.stage {
		return nil
	}
	m.stage = stage
	if k, ok := breathCue(stage); ok {
		return giveCue(m.sh.opts.Cues, k, routine.Sentence(stage.String()))
	}
	return nil
}

// ended lets go of the run lock once the run is over and its record is
// whole; a record still unsaved keeps the lock until Root.Close saves it.
func (m *runner) ended() {
	if m.onEnd != nil {
		m.onEnd()
	}
}

// tick schedules the next redraw, or none when nothing moves.
func (m *runner) tick() tea.Cmd {
	m.gen++
	d := m.nextChange()
	if d == 0 {
		return nil
	}
	gen := m.gen
	return m.sh.Tick(d, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// nextChange is how long until the screen would show something new: the
// countdown's next second, or while the pacer's bar fills or empties, its
// next frame; 0 when nothing moves (paused, done, or before the start).
// Holding a breath, the bar stands still, and only the seconds tick, up to
// the hold's end.
func (m *runner) nextChange() time.Duration {
	d := m.engine.NextChange()
	if d == 0 {
		return 0
	}
	snap := m.engine.Snapshot()
	if b := m.breath(snap); snap.Running && b != nil {
		speed := m.engine.Speed()
		stage, left := stageLeft(*b, snap.PhaseElapsed)
		if stage == routine.Inhale || stage == routine.Exhale {
			d = min(d, time.Duration(float64(pacerStep)/speed))
		}
		d = min(d, time.Duration(float64(left)/speed))
	}
	return min(max(d, minTick), maxTick)
}

// stageLeft says which stage of the breath elapsed falls in and how long
// is left of it.
func stageLeft(b routine.Breath, elapsed time.Duration) (routine.BreathStage, time.Duration) {
	stage, frac := b.At(elapsed)
	d := [...]time.Duration{b.Inhale, b.Hold, b.Exhale, b.HoldAfter}[stage]
	return stage, time.Duration((1 - frac) * float64(d))
}

func (m *runner) breath(s routine.Snapshot) *routine.Breath {
	if s.Done || !s.Started {
		return nil
	}
	return m.engine.Routine().Steps[s.Step].Phases[s.Phase].Breath
}
