package termsafe

import (
	"bytes"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, ünïcode ✓", "plain text, ünïcode ✓"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"\x1b]0;pwned\x07title", "^[]0;pwned^Gtitle"},
		{"\x1b]52;c;aGk=\x07", "^[]52;c;aGk=^G"},
		{"\x1b#8", "^[#8"},
		{"del\x7f", "del^?"},
		{"c1 \u009b2J", "c1 <U+009B>2J"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"cr\r", "cr^M"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Line("a\nb\tc\x1b"); got != "a b c^[" {
		t.Errorf("Line = %q", got)
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		in        string
		multiline bool
		want      string // "" for no error
	}{
		{"fine", false, ""},
		{"two\nlines", true, ""},
		{"two\nlines", false, "a line break"},
		{"ab\x1b[31m", false, "control character (ESC) at character 3"},
		{"\u0085", true, "U+0085"},
		{"\xff", true, "not valid UTF-8"},
	}
	for _, tt := range tests {
		err := Check(tt.in, tt.multiline)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("Check(%q, %v) = %v, want %q", tt.in, tt.multiline, err, tt.want)
		}
	}
}

func TestWriterCatchesASplitControl(t *testing.T) {
	var b bytes.Buffer
	w := Writer(&b)
	// U+009B (CSI as C1) is 0xC2 0x9B in UTF-8; split it across writes.
	for _, part := range []string{"a\xc2", "\x9b2J", "\x1b", "]0;x\x07 é"} {
		if _, err := w.Write([]byte(part)); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := b.String(), "a<U+009B>2J^[]0;x^G é"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}

// FuzzString checks that no output of String or Writer holds a control
// character a terminal acts on, whatever the input.
func FuzzString(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b]0;t\x07", "\xc2\x9b", "\xc2", "a\r\nb", "\x7f\x80\x9f\xa0"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, split int) {
		for _, out := range []string{String(s), Line(s), viaWriter(s, split)} {
			if err := Check(out, true); err != nil {
				t.Fatalf("output %q of %q: %v", out, s, err)
			}
		}
		if Check(s, true) == nil && String(s) != s {
			t.Fatalf("clean text %q changed to %q", s, String(s))
		}
	})
}

func viaWriter(s string, split int) string {
	var b bytes.Buffer
	w := Writer(&b)
	if split < 1 {
		split = 1
	}
	for len(s) > 0 {
		n := min(split, len(s))
		w.Write([]byte(s[:n]))
		s = s[n:]
	}
	return b.String()
}
