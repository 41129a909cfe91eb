package ondemand

import (
	"bytes"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// screenModel shows text and remembers the sizes it heard; a key "!"
// panics.
type screenModel struct {
	text  string
	sizes []tea.WindowSizeMsg
}

func (m *screenModel) Init() tea.Cmd { return nil }

func (m *screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sizes = append(m.sizes, msg)
	case tea.KeyPressMsg:
		if msg.String() == "!" {
			panic("boom")
		}
		m.text = msg.String()
	}
	return m, nil
}

func (m *screenModel) View() tea.View {
	return tea.View{Content: m.text, AltScreen: true, WindowTitle: "title"}
}

func newTestAdapter(profile colorprofile.Profile) (*adapter, *screenModel, *bytes.Buffer) {
	var out bytes.Buffer
	m := &screenModel{text: "hello"}
	a := newAdapter(m, &out, []string{"TERM=xterm-256color"}, profile, 20, 5)
	return a, m, &out
}

// take returns what was written since the last take.
func take(b *bytes.Buffer) string {
	s := b.String()
	b.Reset()
	return s
}

func TestFirstFrameAtInit(t *testing.T) {
	a, m, out := newTestAdapter(colorprofile.ANSI256)
	a.Init()
	got := take(out)
	for _, want := range []string{ansi.SetModeAltScreenSaveCursor, ansi.SetModeBracketedPaste, ansi.ResetModeTextCursorEnable, ansi.SetWindowTitle("title"), "hello"} {
		if !strings.Contains(got, want) {
			t.Errorf("first frame lacks %q: %q", want, got)
		}
	}
	if len(m.sizes) != 1 || m.sizes[0] != (tea.WindowSizeMsg{Width: 20, Height: 5}) {
		t.Errorf("sizes heard before the first frame = %v, want one of 20x5", m.sizes)
	}
	// Bubble Tea's own first size is the one already told.
	if msg := a.filter(a, tea.WindowSizeMsg{Width: 20, Height: 5}); msg != nil {
		t.Errorf("a repeated size passes the filter: %v", msg)
	}
}

func TestDrawsOnlyWhatChanged(t *testing.T) {
	a, _, out := newTestAdapter(colorprofile.ANSI256)
	a.Init()
	take(out)
	a.Update(tea.FocusMsg{}) // changes nothing on screen
	if got := take(out); got != "" {
		t.Errorf("an update that changed nothing wrote %q", got)
	}
	a.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if got := take(out); !strings.Contains(got, "x") || strings.Contains(got, ansi.SetModeSynchronizedOutput) {
		t.Errorf("new view drawn as %q, want the x and no mode 2026 (not reported)", got)
	}
}

func TestSynchronizedOutputOnceReported(t *testing.T) {
	a, _, out := newTestAdapter(colorprofile.ANSI256)
	a.Init()
	a.Update(tea.ModeReportMsg{Mode: ansi.ModeSynchronizedOutput, Value: ansi.ModeReset})
	take(out)
	a.Update(tea.KeyPressMsg{Code: 'y', Text: "y"})
	got := take(out)
	if !strings.HasPrefix(got, ansi.SetModeSynchronizedOutput) || !strings.HasSuffix(got, ansi.ResetModeSynchronizedOutput) {
		t.Errorf("frame %q is not held back until whole (mode 2026)", got)
	}
}

// A cluster takes the cells Lip Gloss gave it when it laid the line out,
// so what follows it on the line is where the layout put it.
func TestCellsMeasuredAsLaidOut(t *testing.T) {
	for _, text := range []string{
		"a\U0001F468\u200d\U0001F469\u200d\U0001F467|", // a family: one cluster of three joined emoji
		"b\u2764\ufe0f|",         // a heart shown as emoji
		"c\U0001F44D\U0001F3FD|", // a thumb with a skin tone
		"d\u2192\u2500\u2026|",   // the arrows, lines and ellipses the screens draw
	} {
		a, m, _ := newTestAdapter(colorprofile.ANSI256)
		m.text = lipgloss.NewStyle().Width(12).Render(text)
		a.Init()
		line := a.cells.Line(0)
		x := strings.Index(line.String(), "|")
		if want := lipgloss.Width(text) - 1; x < 0 || line.At(want) == nil || line.At(want).Content != "|" {
			t.Errorf("%q: the bar after it is not in cell %d, where Lip Gloss measured it: line %q (at byte %d)", text, want, line.String(), x)
		}
	}
}

func TestUnicodeCoreOnlyWhenReported(t *testing.T) {
	for _, tc := range []struct {
		value ansi.ModeSetting
		want  bool
	}{
		{ansi.ModeReset, true},
		{ansi.ModeNotRecognized, false},
		{ansi.ModePermanentlyReset, false},
	} {
		a, _, out := newTestAdapter(colorprofile.ANSI256)
		a.Init()
		if got := take(out); !strings.Contains(got, ansi.RequestModeUnicodeCore) {
			t.Fatalf("the first frame does not ask about mode 2027: %q", got)
		}
		a.Update(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: tc.value})
		if got := strings.Contains(take(out), ansi.SetModeUnicodeCore); got != tc.want {
			t.Errorf("reported %v: mode 2027 turned on = %v, want %v", tc.value, got, tc.want)
		}
		a.restore()
		if got := strings.Contains(take(out), ansi.ResetModeUnicodeCore); got != tc.want {
			t.Errorf("reported %v: mode 2027 turned off on leaving = %v, want %v (only if turned on)", tc.value, got, tc.want)
		}
	}
}

func TestBellAndQueriesWrittenAtOnce(t *testing.T) {
	for _, tt := range []struct {
		name string
		msg  tea.Msg
		want string
	}{
		{"bell", tea.Raw("\a")(), "\a"},
		{"background colour", tea.RequestBackgroundColor(), ansi.RequestBackgroundColor},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, _, out := newTestAdapter(colorprofile.ANSI256)
			a.Init()
			take(out)
			if msg := a.filter(a, tt.msg); msg != nil {
				t.Errorf("filter passed %v on to Bubble Tea, which would write it at its next flush", msg)
			}
			if got := take(out); got != tt.want {
				t.Errorf("written %q, want %q", got, tt.want)
			}
		})
	}
}

func TestResizeRedrawsAll(t *testing.T) {
	a, m, out := newTestAdapter(colorprofile.ANSI256)
	a.Init()
	take(out)
	msg := a.filter(a, tea.WindowSizeMsg{Width: 30, Height: 6})
	a.Update(msg)
	if got := take(out); !strings.Contains(got, "hello") {
		t.Errorf("after a resize the screen was not drawn again: %q", got)
	}
	if last := m.sizes[len(m.sizes)-1]; last != (tea.WindowSizeMsg{Width: 30, Height: 6}) {
		t.Errorf("model heard %v, want 30x6", last)
	}
}

func TestNoColour(t *testing.T) {
	a, m, out := newTestAdapter(colorprofile.ASCII)
	m.text = lipgloss.NewStyle().Foreground(lipgloss.Color("#ff0000")).Render("red")
	a.Init()
	if got := take(out); strings.Contains(got, "[38;") || strings.Contains(got, "[31") || !strings.Contains(got, "red") {
		t.Errorf("with the ASCII profile the frame has colour: %q", got)
	}
}

func TestPanicRestoresFirst(t *testing.T) {
	a, _, out := newTestAdapter(colorprofile.ANSI256)
	restored := 0
	a.onRestore = func() { restored++ }
	a.Init()
	take(out)
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic did not go on to Bubble Tea")
			}
		}()
		a.Update(tea.KeyPressMsg{Code: '!', Text: "!"})
	}()
	if got := take(out); got != leaveSeq || restored != 1 {
		t.Errorf("after a panic wrote %q and restored %d times, want the leave sequence and once", got, restored)
	}
	a.restore() // as Run's defer does
	a.draw()
	if got := take(out); got != "" || restored != 1 {
		t.Errorf("after restoring wrote %q, restored %d times; want nothing more", got, restored)
	}
}

func TestCommandPanicRestores(t *testing.T) {
	a, _, out := newTestAdapter(colorprofile.ANSI256)
	a.Init()
	take(out)
	cmd := guard(a, tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { panic("in a command") }))
	batch, ok := cmd().(tea.BatchMsg)
	if !ok {
		t.Fatal("a guarded batch is not a batch")
	}
	func() {
		defer func() { _ = recover() }()
		for _, c := range batch {
			c()
		}
	}()
	if got := take(out); got != leaveSeq {
		t.Errorf("a command's panic wrote %q, want the leave sequence", got)
	}
}

// TestLinesDrawnAloneAsWhole checks that redrawing only the lines that
// changed leaves the cells, and writes the bytes, that drawing each frame
// whole does: for styled lines, wide runes, a shrinking view, a style left
// open across lines (drawn whole) and one past the bottom.
func TestLinesDrawnAloneAsWhole(t *testing.T) {
	st := lipgloss.NewStyle().Foreground(lipgloss.Color("#88aacc")).Bold(true)
	frames := []string{
		st.Render("step 1 of 9") + "\n\n" + st.Render("0:30") + "\nbar ━━━━───",
		st.Render("step 1 of 9") + "\n\n" + st.Render("0:29") + "\nbar ━━━━━──",
		st.Render("step 1 of 9") + "\n\n" + st.Render("0:29") + "\nbar ━━━━━──",
		st.Render("步骤 一") + "\r\n" + st.Render("0:28"),
		"\x1b[1mopen\nstill bold\x1b[m\nplain",
		st.Render("a") + "\nb\nc\nd\ne\nf\ng",
		"\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\\nplain",
		st.Render("0:27") + "\n" + st.Width(30).Render("wider than the screen, cut"),
		"",
		st.Render("back") + "\n\n\n\nlast",
	}
	m := &screenModel{}
	var out bytes.Buffer
	a := newAdapter(m, &out, []string{"TERM=xterm-256color"}, colorprofile.TrueColor, 20, 5)
	ref := newAdapter(&screenModel{}, io.Discard, []string{"TERM=xterm-256color"}, colorprofile.TrueColor, 20, 5)
	a.Init()
	ref.scr.Render(ref.cells.RenderBuffer)
	_ = ref.scr.Flush()
	ref.frame.Reset()
	take(&out)
	for i, f := range frames {
		m.text = f
		a.Update(nil)
		ref.cells.Clear()
		uv.NewStyledString(f).Draw(ref.cells, ref.cells.Bounds())
		ref.scr.Render(ref.cells.RenderBuffer)
		_ = ref.scr.Flush()
		if got, want := take(&out), ref.frame.String(); got != want {
			t.Errorf("frame %d wrote %q, drawn whole %q", i, got, want)
		}
		ref.frame.Reset()
		if got, want := a.cells.Render(), ref.cells.Render(); got != want {
			t.Errorf("frame %d cells\n%q\ndrawn whole\n%q", i, got, want)
		}
	}
}
