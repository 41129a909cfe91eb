package screen

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/routine"
)

// Header puts a title on the left and a note on the right of one line.
func Header(st *Styles, width int, title, note string) string {
	left := st.Title.Render(Truncate(title, max(width-len(note)-2, 1)))
	right := st.Faint.Render(note)
	pad := width - lipgloss.Width(left) - lipgloss.Width(right)
	if pad < 1 {
		return left
	}
	return left + strings.Repeat(" ", pad) + right
}

// Layout puts body at the top and foot on the last lines, cutting the body
// rather than the foot when the screen is short; a foot taller than the
// screen keeps its first lines.
func Layout(height int, body, foot string) string {
	lines := strings.Split(body, "\n")
	footLines := strings.Split(foot, "\n")
	if height < 1 {
		height = 1
	}
	if len(footLines) > height {
		footLines = footLines[:height]
	}
	room := height - len(footLines)
	if len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	return strings.Join(append(lines, footLines...), "\n")
}

// Truncate shortens s to width cells, with an ellipsis when cut.
func Truncate(s string, width int) string {
	return ansi.Truncate(s, max(width, 1), "…")
}

// Wrap fits text to width, breaking between words.
func Wrap(st lipgloss.Style, width int, text string) string {
	return st.Width(max(width, 1)).Render(text)
}

// WrapLines fits text to width, breaking between words, and styles each
// line on its own, with no padding after it.
func WrapLines(st lipgloss.Style, width int, text string) []string {
	lines := strings.Split(ansi.Wrap(text, max(width, 1), ""), "\n")
	for i, l := range lines {
		lines[i] = st.Render(strings.TrimRight(l, " "))
	}
	return lines
}

// WrapWords fits text to width, breaking only at spaces, so a file name
// or a path is never split across lines; a word wider than width is cut.
func WrapWords(text string, width int) []string {
	width = max(width, 1)
	var lines []string
	cur := ""
	for _, w := range strings.Fields(text) {
		if ansi.StringWidth(w) > width && strings.Contains(w, "/") {
			// A path wider than the screen is broken after its slashes,
			// so the file's own name stays whole.
			if cur != "" {
				lines, cur = append(lines, Truncate(cur, width)), ""
			}
			parts := pathLines(w, width)
			lines, cur = append(lines, parts[:len(parts)-1]...), parts[len(parts)-1]
			continue
		}
		switch {
		case cur == "":
			cur = w
		case ansi.StringWidth(cur+" "+w) <= width:
			cur += " " + w
		default:
			lines = append(lines, Truncate(cur, width))
			cur = w
		}
	}
	return append(lines, Truncate(cur, width))
}

// pathLines breaks a path into lines of at most width after its slashes;
// a part wider than width is cut.
func pathLines(path string, width int) []string {
	var lines []string
	cur := ""
	for _, part := range strings.SplitAfter(path, "/") {
		if cur != "" && ansi.StringWidth(cur+part) > width {
			lines, cur = append(lines, Truncate(cur, width)), ""
		}
		cur += part
	}
	return append(lines, Truncate(cur, width))
}

// CountLines is how many lines s takes.
func CountLines(s string) int { return strings.Count(s, "\n") + 1 }

// FitLine joins parts with sep, starting a new line where the next part
// would not fit in width; a part wider than width is cut.
func FitLine(width int, sep string, parts ...string) string {
	var lines []string
	cur := ""
	for _, p := range parts {
		switch {
		case cur == "":
			cur = p
		case ansi.StringWidth(cur+sep+p) <= width:
			cur += sep + p
		default:
			lines = append(lines, Truncate(cur, width))
			cur = p
		}
	}
	return strings.Join(append(lines, Truncate(cur, width)), "\n")
}

// Countdown formats time left rounded up to whole seconds, so "0:01" shows
// through the last second and "0:00" never shows while a phase runs.
func Countdown(d time.Duration) string {
	return routine.FormatDuration((d + time.Second - 1).Truncate(time.Second))
}

// Pad is the spaces that fill s out to width cells, none when it is as
// wide or wider.
func Pad(width int, s string) string {
	return strings.Repeat(" ", max(width-lipgloss.Width(s), 0))
}
