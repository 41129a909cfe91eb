package insight

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/quietlegs/quietlegs/night"
)

// MinTries is the fewest attempts of a relief measure before it is
// summarised: below three, one night is the whole story.
const MinTries = 3

// Relief is what the person reported of one relief measure tried during
// flare-ups in the night. It counts what they said, and tests nothing:
// an attempt is chosen for the night's flare-up, so the figures describe
// those nights, and say nothing of what a measure would do on another.
//
// An attempt is one flare-up that tried the measure; a flare-up that
// tried several counts for each, since its answers are about them
// together. In JSON (the "relief" list of `quietlegs insights --format
// json`) it is {"id", "tried", "helped_a_little", "helped_a_lot",
// "median_drop"}.
type Relief struct {
	ID    string `json:"id"`
	Label string `json:"-"`
	// Tried counts the attempts; HelpedALittle and HelpedALot those
	// answered so, and Answered those with any answer to "did it help?".
	Tried         int `json:"tried"`
	HelpedALittle int `json:"helped_a_little"`
	HelpedALot    int `json:"helped_a_lot"`
	Answered      int `json:"-"`
	// MedianDrop is the median fall in severity, before minus after, over
	// the Drops attempts with an answer afterwards; nil with none.
	MedianDrop *float64 `json:"median_drop"`
	Drops      int      `json:"-"`
}

// Reliefs summarises each relief measure tried at least MinTries times
// in recs' flare-ups, most tried first. Labels come from the toolkit in
// set: an entry's label, which for a routine entry the caller sets to the
// routine's title (journal does), else its routine's name; a measure no
// longer in the toolkit is labelled by its id.
func Reliefs(recs []night.Record, set night.Settings) []Relief {
	var events []night.Event
	for _, r := range recs {
		events = append(events, r.Events...)
	}
	return reliefsOf(events, set)
}

// reliefsOf is Reliefs over the flare-ups themselves.
func reliefsOf(events []night.Event, set night.Settings) []Relief {
	by := map[string]*Relief{}
	drops := map[string][]int{}
	for _, e := range events {
		seen := map[string]bool{}
		for _, t := range e.Tried {
			if seen[t.ID] {
				continue
			}
			seen[t.ID] = true
			rl := by[t.ID]
			if rl == nil {
				rl = &Relief{ID: t.ID, Label: reliefLabel(set, t.ID)}
				by[t.ID] = rl
			}
			rl.Tried++
			switch e.Helped {
			case night.HelpedALittle:
				rl.HelpedALittle++
			case night.HelpedALot:
				rl.HelpedALot++
			}
			if e.Helped != "" {
				rl.Answered++
			}
			if d, ok := e.Drop(); ok {
				drops[t.ID] = append(drops[t.ID], d)
			}
		}
	}
	out := []Relief{}
	for id, rl := range by {
		if rl.Tried < MinTries {
			continue
		}
		if ds := drops[id]; len(ds) > 0 {
			rl.MedianDrop, rl.Drops = ptr(median(ds)), len(ds)
		}
		out = append(out, *rl)
	}
	slices.SortFunc(out, func(a, b Relief) int {
		return cmp.Or(cmp.Compare(b.Tried, a.Tried), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// median is the middle of ns, or the mean of the middle two.
func median(ns []int) float64 {
	s := slices.Sorted(slices.Values(ns))
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// reliefLabel is the toolkit's label for measure id: the first entry
// with that id that has one, else its routine's name, else the id.
func reliefLabel(set night.Settings, id string) string {
	fallback := id
	for _, b := range night.Bands {
		for _, e := range set.Toolkit.Band(b) {
			if e.ID != id {
				continue
			}
			if e.Label != "" {
				return e.Label
			}
			if e.Routine != "" && fallback == id {
				fallback = e.Routine
			}
		}
	}
	return fallback
}

// Sentence is sentence with plain spaces.
func (rl Relief) Sentence() string { return strings.ReplaceAll(rl.sentence(), nb, " ") }

// sentence is the measure's figures as the person reported them, never
// as advice, for the person and a clinician alike: "Walk around the house
// (walk): tried 4 times; reported as helping a little 1 time and a lot 2
// times (3 answered); severity afterwards was a median of 4.0 points
// lower (3 rated)."
func (rl Relief) sentence() string {
	s := fmt.Sprintf("%s (%s): tried %s", rl.Label, rl.ID, plural(rl.Tried, "time", "times"))
	if rl.Label == rl.ID {
		s = fmt.Sprintf("%s: tried %s", rl.ID, plural(rl.Tried, "time", "times"))
	}
	if rl.Answered == 0 {
		s += "; whether it helped was never answered"
	} else {
		s += fmt.Sprintf("; reported as helping a little %s and a lot %s (%d answered)",
			plural(rl.HelpedALittle, "time", "times"), plural(rl.HelpedALot, "time", "times"), rl.Answered)
	}
	if rl.MedianDrop != nil {
		s += fmt.Sprintf("; severity afterwards was a median of %s lower (%d rated)", points(*rl.MedianDrop), rl.Drops)
	}
	return s + "."
}

// points is a median drop in points: "3 points", "0.5 points", "-1 point".
func points(v float64) string {
	n := num(v)
	if v == 1 || v == -1 {
		return n + nb + "point"
	}
	return n + nb + "points"
}
