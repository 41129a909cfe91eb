package night

import (
	"fmt"
	"slices"

	"github.com/quietlegs/quietlegs/termsafe"
)

// ToolEntry is one measure of the night toolkit: a routine to run, or a
// simple action with an optional length.
type ToolEntry struct {
	// ID is what an event records as tried ("walk"). Entries in several
	// bands may share an id: they are the same measure.
	ID string `toml:"id"`
	// Label is what the toolkit shows; for a routine, its title when
	// left out.
	Label string `toml:"label"`
	// Routine names a routine to run (built-in or the person's own).
	Routine string `toml:"routine"`
	// Minutes is how long an action lasts; 0 for one without a length,
	// which is done rather than timed.
	Minutes int `toml:"minutes"`
	// Safety is an optional caution shown with an action.
	Safety string `toml:"safety"`
}

// Timed reports whether the entry runs in the runner: a routine, or an
// action with a length.
func (t ToolEntry) Timed() bool { return t.Routine != "" || t.Minutes > 0 }

// Toolkit is the person's measures for a flare-up, by band.
type Toolkit struct {
	Mild     []ToolEntry `toml:"mild"`
	Moderate []ToolEntry `toml:"moderate"`
	Severe   []ToolEntry `toml:"severe"`
}

// Band is the toolkit's entries for band b.
func (k Toolkit) Band(b Band) []ToolEntry {
	switch b {
	case Moderate:
		return k.Moderate
	case Severe:
		return k.Severe
	}
	return k.Mild
}

// MaxToolEntries is the most entries one band may hold.
const MaxToolEntries = 20

// rawToolkit tells a band left out of a file from one given empty.
type rawToolkit struct {
	Mild     *[]ToolEntry `toml:"mild"`
	Moderate *[]ToolEntry `toml:"moderate"`
	Severe   *[]ToolEntry `toml:"severe"`
}

// over lays the bands the file gives over base, checking each.
func (r rawToolkit) over(name string, base Toolkit) (Toolkit, error) {
	k := base
	for _, b := range []struct {
		band Band
		in   *[]ToolEntry
		out  *[]ToolEntry
	}{{Mild, r.Mild, &k.Mild}, {Moderate, r.Moderate, &k.Moderate}, {Severe, r.Severe, &k.Severe}} {
		if b.in == nil {
			continue
		}
		if err := checkBand(fmt.Sprintf("%s: toolkit.%s", name, b.band), *b.in); err != nil {
			return Toolkit{}, err
		}
		*b.out = *b.in
	}
	return k, nil
}

func checkBand(where string, es []ToolEntry) error {
	if len(es) > MaxToolEntries {
		return fmt.Errorf("%s: %d entries; at most %d", where, len(es), MaxToolEntries)
	}
	seen := map[string]bool{}
	for i, e := range es {
		at := fmt.Sprintf("%s[%d]", where, i+1)
		switch {
		case !ValidID(e.ID):
			return fmt.Errorf("%s.id: %q: use lower-case letters, digits and -", at, e.ID)
		case seen[e.ID]:
			return fmt.Errorf("%s.id: %q is listed twice in this band", at, e.ID)
		case e.Routine == "" && e.Label == "":
			return fmt.Errorf("%s: give a label (an action) or a routine", at)
		case e.Routine != "" && !ValidID(e.Routine):
			return fmt.Errorf("%s.routine: %q is not a routine name (lower-case letters, digits and -)", at, e.Routine)
		case e.Routine != "" && e.Minutes != 0:
			return fmt.Errorf("%s.minutes: a routine has its own length; give minutes only for an action", at)
		case e.Minutes < 0 || e.Minutes > 60:
			return fmt.Errorf("%s.minutes: %d: want 1-60, or leave it out for an action without a length", at, e.Minutes)
		case termsafe.Check(e.Label, false) != nil:
			return fmt.Errorf("%s.label: %v", at, termsafe.Check(e.Label, false))
		case termsafe.Check(e.Safety, false) != nil:
			return fmt.Errorf("%s.safety: %v", at, termsafe.Check(e.Safety, false))
		}
		seen[e.ID] = true
	}
	return nil
}

// IDs are the ids of the toolkit's entries, each once, mildest band first.
func (k Toolkit) IDs() []string {
	var out []string
	for _, b := range Bands {
		for _, e := range k.Band(b) {
			if !slices.Contains(out, e.ID) {
				out = append(out, e.ID)
			}
		}
	}
	return out
}
