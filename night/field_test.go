package night

import "testing"

func TestScreenMsgLeavesOutFlags(t *testing.T) {
	for _, tt := range []struct{ msg, want string }{
		{"21:00 does not agree with symptoms starting at bedtime (--onset)", "21:00 does not agree with symptoms starting at bedtime"},
		{"the worst moment (3) is milder than the night as a whole (--rls 5)", "the worst moment (3) is milder than the night as a whole"},
		{"none, but leg symptoms were rated 3 (--rls): say when they started", "none, but leg symptoms were rated 3: say when they started"},
		{"type a number (0 if none)", "type a number (0 if none)"},
	} {
		if got := (&FieldError{Msg: tt.msg}).ScreenMsg(); got != tt.want {
			t.Errorf("ScreenMsg(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}
