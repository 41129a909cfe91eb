package ui

import (
	"fmt"
	"strings"
	"testing"
)

// The picker groups routines, previews the highlighted one's steps, and
// scrolls warnings whose file names are never broken across lines.
func TestPickerPreviewsAndScrollsWarnings(t *testing.T) {
	lib := testLibrary()
	lib.Problems = nil
	for i := range 12 {
		lib.Problems = append(lib.Problems,
			fmt.Errorf("/home/a/.config/quietlegs/routines/evening-stretches-%d.toml:3: title: missing", i))
	}
	hs := newHarness(t, testOptions{Library: lib, Start: StartPicker}, 80, 24)
	v := hs.view()
	for _, want := range []string{"Built-in\n› Evening wind-down", "Yours\n  Quick wind-down", "Steps of Evening wind-down",
		"  Calf stretch       0:30", "pgup/pgdn warnings"} {
		if !strings.Contains(v, want) {
			t.Errorf("the picker lacks %q:\n%s", want, v)
		}
	}
	name := func(i int) string {
		return fmt.Sprintf("/home/a/.config/quietlegs/routines/evening-stretches-%d.toml:3:", i)
	}
	if !strings.Contains(v, name(0)) || strings.Contains(v, name(11)) {
		t.Errorf("the first warning, whole, and not the last, should show:\n%s", v)
	}
	hs.keys("pgdown", "pgdown", "pgdown", "pgdown")
	if v := hs.view(); !strings.Contains(v, name(11)) || strings.Contains(v, name(0)) {
		t.Errorf("after pgdn the last warning should show, whole:\n%s", v)
	}
	hs.key("down")
	if v := hs.view(); !strings.Contains(v, "Steps of Quick wind-down") {
		t.Errorf("the preview does not follow the cursor:\n%s", v)
	}
}
