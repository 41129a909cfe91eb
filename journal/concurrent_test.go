package journal_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
)

// openJournals opens n journals on one SQLite file, each through a store of
// its own, as n quietlegs processes would.
func openJournals(t *testing.T, path string, n int, set night.Settings) []*journal.Journal {
	t.Helper()
	clock := routine.NewFakeClock(time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC))
	js := make([]*journal.Journal, n)
	for i := range js {
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		js[i] = journal.New(st, journal.Config{Settings: set, Clock: clock})
	}
	return js
}

// all runs fn(i) for i in [0, n) at once and returns the first error.
func all(n int, fn func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() { <-start; errs[i] = fn(i) })
	}
	close(start)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// TestConcurrentCheckinsLoseNoAnswer is four `quietlegs morning --night N`
// at once, each changing a different answer: every change must stay.
func TestConcurrentCheckinsLoseNoAnswer(t *testing.T) {
	ctx := context.Background()
	fields := []night.Field{night.FieldLatency, night.FieldAwakenings, night.FieldAwake, night.FieldGotUp,
		night.FieldQuality, night.FieldRested, night.FieldRLS, night.FieldNote}
	js := openJournals(t, filepath.Join(t.TempDir(), "q.db"), len(fields), testSettings)
	const date = "2026-11-22"
	if _, err := js[0].SaveCheckin(ctx, date, fullNight); err != nil {
		t.Fatal(err)
	}
	for round := 1; round <= 5; round++ {
		value := func(f night.Field) string {
			switch f {
			case night.FieldQuality, night.FieldRested:
				return strconv.Itoa(1 + round%5)
			case night.FieldNote:
				return fmt.Sprintf("round %d", round)
			}
			return strconv.Itoa(round)
		}
		err := all(len(fields), func(i int) error {
			_, err := js[i].SaveCheckin(ctx, date, journal.Answers{fields[i]: value(fields[i])})
			return err
		})
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		d, err := js[0].DraftCheckin(ctx, date)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fields {
			if got := d.Answers[f]; got != value(f) {
				t.Errorf("round %d: %s is %q, want %q: a concurrent save lost it", round, f, got, value(f))
			}
		}
	}
}

// TestConcurrentEveningAmendsLoseNothing is several `quietlegs evening
// --tag X` at once: every tag must stay.
func TestConcurrentEveningAmendsLoseNothing(t *testing.T) {
	ctx := context.Background()
	set := night.Settings{Boundary: 12}
	for i := range 6 {
		set.Checklist = append(set.Checklist, night.Item{ID: fmt.Sprintf("item-%d", i), Label: "Item"})
	}
	js := openJournals(t, filepath.Join(t.TempDir(), "q.db"), len(set.Checklist)+1, set)
	for round := 1; round <= 5; round++ {
		date := fmt.Sprintf("2026-11-%02d", round)
		err := all(len(js), func(i int) error {
			if i == len(set.Checklist) { // and one rates the legs
				six := 6
				_, _, err := js[i].AmendEvening(ctx, journal.EveningChange{Night: date, Symptoms: &six})
				return err
			}
			_, _, err := js[i].AmendEvening(ctx, journal.EveningChange{Night: date, Tag: []string{set.Checklist[i].ID}})
			return err
		})
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		e, ok, err := js[0].DraftEvening(ctx, date)
		if err != nil || !ok {
			t.Fatalf("round %d: %v, %v", round, ok, err)
		}
		slices.Sort(e.Tags)
		var want []string
		for _, it := range set.Checklist {
			want = append(want, it.ID)
		}
		if !slices.Equal(e.Tags, want) || e.Symptoms == nil || *e.Symptoms != 6 {
			t.Errorf("round %d: tags %v, symptoms %v; want %v and 6", round, e.Tags, e.Symptoms, want)
		}
	}
}
