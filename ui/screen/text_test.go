package screen

import (
	"slices"
	"testing"
)

func TestWrapWords(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width int
		want  []string
	}{
		{"calm.toml:8: steps[1].seconds: must be more than 0", 20,
			[]string{"calm.toml:8:", "steps[1].seconds:", "must be more than 0"}},
		// A path wider than the screen breaks after its slashes, the
		// file's name whole.
		{"/home/someone/.config/quietlegs/routines/calm.toml:8: bad", 20,
			[]string{"/home/someone/", ".config/quietlegs/", "routines/", "calm.toml:8: bad"}},
		{"a-very-long-word-without-slashes here", 10, []string{"a-very-lo…", "here"}},
	} {
		if got := WrapWords(tt.text, tt.width); !slices.Equal(got, tt.want) {
			t.Errorf("WrapWords(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}
