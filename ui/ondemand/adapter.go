package ondemand

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// bgQuery is what tea.RequestBackgroundColor sends; the filter knows it by
// value (its type is unexported).
var bgQuery = tea.RequestBackgroundColor()

// adapter is the model Bubble Tea runs: it passes every message to inner
// and draws inner's view after each one. Bubble Tea calls it from its event
// loop only, so nothing here needs a lock but restore, which a panic in a
// command's goroutine can reach too.
type adapter struct {
	inner tea.Model
	out   io.Writer
	// scr diffs each frame against the last and writes the difference to
	// frame; cells is the frame being drawn.
	scr   *uv.TerminalRenderer
	frame bytes.Buffer
	cells uv.ScreenBuffer
	// lines are the view's lines drawn into cells, when each could be
	// drawn on its own (see independent); nil when cells must be drawn
	// whole again.
	lines []string
	// width and height are the size inner last heard.
	width, height int
	// entered is set once the terminal is set up for the screen.
	entered bool
	// synced is set once the terminal says it supports mode 2026: each
	// frame is then shown whole.
	synced bool
	// unicodeCore is set once the adapter has turned mode 2027 on, for
	// restore to turn it off; restore can run on a command's goroutine.
	unicodeCore atomic.Bool
	title       string

	restoreOnce sync.Once
	// restored is set once the terminal is given back: nothing is drawn
	// after it.
	restored atomic.Bool
	// onRestore gives the terminal its modes back (raw mode off).
	onRestore func()
}

func newAdapter(inner tea.Model, out io.Writer, env []string, profile colorprofile.Profile, w, h int) *adapter {
	a := &adapter{inner: inner, out: out, width: w, height: h}
	a.scr = uv.NewTerminalRenderer(&a.frame, env)
	a.scr.SetColorProfile(profile)
	a.scr.SetTabStops(-1)
	// Cells are measured by grapheme cluster, as Lip Gloss measures them
	// when it lays a view out, so the renderer places each cell where the
	// layout meant it. It also spares the 2.2 MB table go-runewidth fills
	// for wcwidth's per-code-point measure on the first rune above U+02FF.
	a.scr.SetWidthMethod(ansi.GraphemeWidth)
	a.scr.EnterAltScreen() // sets the renderer to absolute moves; the sequence is written by enter
	a.frame.Reset()
	a.scr.Resize(w, h)
	a.cells = uv.NewScreenBuffer(w, h)
	a.cells.Method = ansi.GraphemeWidth
	return a
}

// Init tells inner the size and draws the first frame at once: nothing
// waits for a tick or for Bubble Tea's own first WindowSizeMsg (which the
// filter drops as a repeat).
func (a *adapter) Init() tea.Cmd {
	defer a.restoreOnPanic()
	cmd := a.inner.Init()
	var sizeCmd tea.Cmd
	a.inner, sizeCmd = a.inner.Update(tea.WindowSizeMsg{Width: a.width, Height: a.height})
	a.draw()
	return guard(a, tea.Batch(cmd, sizeCmd))
}

// Update passes msg on and draws what it changed.
func (a *adapter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer a.restoreOnPanic()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
	case tea.ModeReportMsg:
		switch {
		case msg.Mode == ansi.ModeSynchronizedOutput && msg.Value == ansi.ModeReset:
			a.synced = true // supported, and off until a frame turns it on
		case msg.Mode == ansi.ModeUnicodeCore && msg.Value == ansi.ModeReset && !a.restored.Load():
			// The terminal can draw a cluster in the cells its grapheme
			// width says, as the cells are measured: turn that on, and
			// draw the screen again in it.
			write(a.out, []byte(ansi.SetModeUnicodeCore))
			a.unicodeCore.Store(true)
			a.scr.Erase()
		}
	}
	var cmd tea.Cmd
	a.inner, cmd = a.inner.Update(msg)
	a.draw()
	return a, guard(a, cmd)
}

// View is empty: Bubble Tea runs without a renderer, and the frame was
// drawn by Update.
func (a *adapter) View() tea.View { return tea.View{} }

// filter sees every message before Bubble Tea acts on it. Output Bubble Tea
// would hold until its next flush (a second away at 1 FPS) is written at
// once instead: tea.Raw (the bell) and the background-colour query. A
// window size inner already has is dropped.
func (a *adapter) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case tea.RawMsg:
		write(a.out, []byte(fmt.Sprint(msg.Msg)))
		return nil
	case tea.WindowSizeMsg:
		if msg.Width == a.width && msg.Height == a.height {
			return nil
		}
	}
	if msg == bgQuery {
		write(a.out, []byte(ansi.RequestBackgroundColor))
		return nil
	}
	return msg
}

func (a *adapter) resize(w, h int) {
	a.width, a.height = w, h
	a.scr.Resize(w, h)
	a.scr.Erase() // terminals move text on a resize: draw it all again
	a.cells.Resize(w, h)
	a.lines = nil
}

// draw writes what changed since the last frame, in one write; nothing
// when nothing changed.
func (a *adapter) draw() {
	if a.restored.Load() {
		return
	}
	v := a.inner.View()
	var head string
	if !a.entered {
		a.entered = true
		head = enterSeq
	}
	if v.WindowTitle != a.title {
		a.title = v.WindowTitle
		head += ansi.SetWindowTitle(v.WindowTitle)
	}
	drawn := a.paint(v.Content)
	if drawn == 0 && head == "" {
		return // the same frame: nothing to compare, nothing to write
	}
	// The renderer's search for scrolled lines hashes every line of the
	// screen, touched or not: it was half of a countdown's frame. A scroll
	// moves many lines, so the search is left to frames where many changed.
	a.scr.SetScrollOptim(drawn > a.height/3)
	a.scr.Render(a.cells.RenderBuffer)
	_ = a.scr.Flush() // into a.frame, which cannot fail
	if a.frame.Len() == 0 && head == "" {
		return
	}
	var b bytes.Buffer
	b.WriteString(head)
	if a.synced && a.frame.Len() > 0 {
		b.WriteString(ansi.SetModeSynchronizedOutput)
		b.Write(a.frame.Bytes())
		b.WriteString(ansi.ResetModeSynchronizedOutput)
	} else {
		b.Write(a.frame.Bytes())
	}
	a.frame.Reset()
	write(a.out, b.Bytes())
}

// paint draws content into cells. A countdown changes a few lines a
// second, so when every line can be drawn on its own only the lines that
// differ from the last frame are parsed again, and only they are marked for
// the renderer to compare; the cells come out as drawing content whole
// would leave them. It returns how many lines it drew.
func (a *adapter) paint(content string) int {
	content = strings.ReplaceAll(content, "\r\n", "\n") // as StyledString.Draw does
	lines := strings.Split(content, "\n")
	if len(lines) > a.height {
		lines = lines[:a.height] // past the bottom: never drawn
	}
	if !independent(lines) {
		a.lines = nil
		a.cells.Clear()
		uv.NewStyledString(content).Draw(a.cells, a.cells.Bounds())
		return a.height
	}
	drawn := 0
	w := a.cells.Bounds().Dx()
	for y := range a.height {
		line, last := lineAt(lines, y), lineAt(a.lines, y)
		if a.lines != nil && line == last {
			continue
		}
		a.cells.ClearArea(uv.Rect(0, y, w, 1))
		uv.NewStyledString(line).Draw(a.cells, uv.Rect(0, y, w, 1))
		drawn++
	}
	a.lines = lines
	return drawn
}

// lineAt is line y of lines, empty past the end (a row drawn blank).
func lineAt(lines []string, y int) string {
	if y < len(lines) {
		return lines[y]
	}
	return ""
}

// independent reports whether each line leaves the pen as it found it, so
// that drawing a line alone gives the cells drawing them all in one go
// would: every escape sequence in it is a CSI, and the last is a full SGR
// reset. Lip Gloss ends every styled line so; a line with a hyperlink or
// a style left open makes the frame be drawn whole.
func independent(lines []string) bool {
	for _, l := range lines {
		n := strings.Count(l, "\x1b")
		if n == 0 {
			continue
		}
		if strings.Count(l, "\x1b[") != n {
			return false
		}
		last := l[strings.LastIndex(l, "\x1b["):]
		if !strings.HasPrefix(last, "\x1b[m") && !strings.HasPrefix(last, "\x1b[0m") {
			return false
		}
	}
	return true
}

// restore leaves the alternate screen, shows the cursor, turns off what
// enter turned on and gives back the terminal's modes; once, whichever way
// the program ends.
func (a *adapter) restore() {
	a.restoreOnce.Do(func() {
		a.restored.Store(true)
		seq := leaveSeq
		if a.unicodeCore.Load() {
			seq = ansi.ResetModeUnicodeCore + seq
		}
		write(a.out, []byte(seq))
		if a.onRestore != nil {
			a.onRestore()
		}
	})
}

// restoreOnPanic restores the terminal before a panic goes on to Bubble
// Tea, which prints it: on the restored screen, where it can be read,
// rather than on the alternate screen about to be left.
func (a *adapter) restoreOnPanic() {
	if r := recover(); r != nil {
		a.restore()
		panic(r)
	}
}

// guard makes cmd, and every command of a batch it returns, restore the
// terminal if it panics (commands run in goroutines of their own).
func guard(a *adapter, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		defer a.restoreOnPanic()
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			guarded := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				guarded[i] = guard(a, c)
			}
			return guarded
		}
		return msg
	}
}
