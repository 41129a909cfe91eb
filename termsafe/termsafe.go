// Package termsafe keeps text that came from a person or a file from
// driving a terminal. Control characters in it (ESC starting an escape
// sequence that sets the window title, writes the clipboard or fills the
// screen; the other C0 controls; DEL; the C1 controls) are refused on the
// way in and neutralised on the way out, so stored text reaches a screen
// as text.
package termsafe

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// unsafe reports whether r is a control character a terminal may act on.
// Tab and newline are left to the caller.
func unsafe(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// String is s with every control character but tab and newline replaced by
// a visible stand-in: "^[" for ESC, "^X" for the other C0 controls, "^?"
// for DEL and "<U+0085>" for a C1 control. Invalid UTF-8 becomes U+FFFD.
// Text without controls comes back unchanged.
func String(s string) string {
	if clean(s, true) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + '@')
		case r == 0x7f:
			b.WriteString("^?")
		case r >= 0x80 && r <= 0x9f:
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Line is String with tab and newline shown as spaces too, for text that
// must stay on one line (a title, a field in a table).
func Line(s string) string {
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(String(s))
}

// clean reports whether s is valid UTF-8 without controls (tab and newline
// allowed when multiline).
func clean(s string, multiline bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unsafe(r) && !(multiline && (r == '\t' || r == '\n')) {
			return false
		}
	}
	return true
}

// Check refuses text that holds a control character, naming the first and
// where it is (by character, from 1). With multiline, tab and newline are
// allowed. Invalid UTF-8 is refused too.
func Check(s string, multiline bool) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("is not valid UTF-8 text")
	}
	i := 0
	for _, r := range s {
		i++
		if unsafe(r) && !(multiline && (r == '\t' || r == '\n')) {
			return fmt.Errorf("has a control character (%s) at character %d: type plain text", name(r), i)
		}
	}
	return nil
}

// name is how Check names a control character.
func name(r rune) string {
	switch r {
	case 0x1b:
		return "ESC"
	case '\n':
		return "a line break"
	case '\t':
		return "a tab"
	case 0x7f:
		return "DEL"
	}
	return fmt.Sprintf("U+%04X", r)
}

// Writer wraps w so that everything written through it is neutralised as
// String does. A control character split across writes is still caught:
// it is one byte (C0, DEL) or a two-byte UTF-8 sequence (C1) that is held
// back until its second byte arrives.
func Writer(w io.Writer) io.Writer { return &writer{w: w} }

type writer struct {
	w    io.Writer
	hold []byte // the start of a UTF-8 sequence cut by the last write
}

func (t *writer) Write(p []byte) (int, error) {
	data := append(t.hold, p...)
	cut := len(data)
	// Hold back an incomplete UTF-8 sequence at the end.
	for i := max(len(data)-utf8.UTFMax+1, 0); i < len(data); i++ {
		if utf8.RuneStart(data[i]) && !utf8.FullRune(data[i:]) {
			cut = i
			break
		}
	}
	t.hold = append(t.hold[:0:0], data[cut:]...)
	if _, err := io.WriteString(t.w, String(string(data[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}
