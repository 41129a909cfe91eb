package ui

import (
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/ui/nightfmt"
)

// TestHistoryDeletesANight asks before deleting the night shown, keeps it
// on any key but y, and on y deletes it through the journal, which backs
// up first, and shows the night read again.
func TestHistoryDeletesANight(t *testing.T) {
	d := newFakeDiary()
	hist := diaryHistory(d, genNights(lastNight, 120, 1))
	st := &fakeStorage{saver: &fakeSaver{}, diary: d, history: hist, runs: &fakeRuns{}}
	hs := startHistory(t, 80, 24, testOptions{Storage: st, Diary: d, History: hist})
	hs.keys("3")
	title := "Night of " + nightfmt.LongLabel(lastNight)
	if v := hs.view(); !strings.Contains(v, title) || !strings.Contains(v, "d delete night") {
		t.Fatalf("not on the night of %s, or no d on the help line:\n%s", lastNight, v)
	}
	recorded := func() bool {
		recs, _ := hist.Nights(t.Context(), lastNight, lastNight)
		return len(recs) == 1
	}
	if !recorded() {
		t.Fatal("the generated last night has no record")
	}
	question := "Delete the night of " + nightfmt.LongLabel(lastNight) + ": "
	for _, keep := range []string{"n", "q", "esc", "e", "enter"} {
		hs.key("d")
		v := strings.Join(strings.Fields(hs.view()), " ") // the question wraps
		if !strings.Contains(v, question) || !strings.Contains(v, "y delete · any other key keeps") {
			t.Fatalf("d did not ask:\n%s", v)
		}
		if !strings.Contains(v, "routine run") {
			t.Errorf("the question does not say what goes:\n%s", v)
		}
		if _, _, quit := hs.key(keep); quit {
			t.Fatalf("%s quit instead of keeping the night", keep)
		}
		if v := strings.Join(strings.Fields(hs.view()), " "); strings.Contains(v, question) || !strings.Contains(v, "Kept: nothing was deleted.") ||
			!strings.Contains(v, title) {
			t.Errorf("after %s the question stands, or the night is gone:\n%s", keep, v)
		}
		if !recorded() || st.backups != 0 {
			t.Fatalf("%s deleted (%d backups)", keep, st.backups)
		}
	}

	hs.keys("d", "y")
	if recorded() {
		t.Error("y did not delete the night")
	}
	if st.backups != 1 {
		t.Errorf("%d backups made, want 1 before deleting", st.backups)
	}
	v := strings.Join(strings.Fields(hs.view()), " ")
	for _, want := range []string{title, "Deleted ", "A copy from before is at /fake/quietlegs.db.delete-",
		"Nothing recorded for this night."} {
		if !strings.Contains(v, want) {
			t.Errorf("after deleting, the view lacks %q:\n%s", want, v)
		}
	}
	// Nothing left: d says so and asks nothing.
	hs.key("d")
	if v := strings.Join(strings.Fields(hs.view()), " "); strings.Contains(v, question) || !strings.Contains(v, "nothing to delete") {
		t.Errorf("d on an empty night:\n%s", v)
	}
}
