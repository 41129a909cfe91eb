package night

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/quietlegs/quietlegs/termsafe"

	"github.com/quietlegs/quietlegs/regularfile"
)

// Item is one entry of the evening checklist.
type Item struct {
	ID    string `toml:"id"`
	Label string `toml:"label"`
	// Kind says whether the item is a possible trigger or a remedy. A
	// config file written before kinds existed has none: it reads as
	// Trigger (see Item.KindOrDefault).
	Kind Kind `toml:"kind"`
	// Taken are words that, found in the name of a medicine or supplement
	// recorded with `took` ("iron" in "Iron bisglycinate"), answer this
	// item for that night. Checklist items only.
	Taken []string `toml:"taken"`
}

// Kind is what sort of checklist item it is. Triggers (caffeine, alcohol)
// are compared night by night; remedies (iron, magnesium, prescribed
// medicine) are not, since people take them because of bad evenings and
// some act over weeks.
type Kind string

// The kinds of checklist item.
const (
	Trigger Kind = "trigger"
	Remedy  Kind = "remedy"
)

// KindOrDefault is the item's kind, Trigger when none is given.
func (it Item) KindOrDefault() Kind {
	if it.Kind == "" {
		return Trigger
	}
	return it.Kind
}

// Kind is the kind of the item id on the checklist; an id no longer on it
// reads as Trigger.
func (s Settings) Kind(id string) Kind {
	for _, it := range s.Checklist {
		if it.ID == id {
			return it.KindOrDefault()
		}
	}
	return Trigger
}

// Settings are a person's choices about how nights are recorded.
type Settings struct {
	// Boundary is the hour (0-23, local time) before which anything
	// recorded belongs to the previous night.
	Boundary int `toml:"day_boundary"`
	// Checklist is offered in the evening log, in this order.
	Checklist []Item `toml:"checklist"`
	// Toolkit is offered in the night, by how strong a flare-up is.
	Toolkit Toolkit `toml:"toolkit"`
	// DefaultRoutine names the routine the evening starts when none is
	// chosen; "" for the built-in wind-down.
	DefaultRoutine string `toml:"default_routine"`
	// OnRoutineEnd and OnCheckin are commands run after a run's end or a
	// check-in is saved ("" for none); see package hook.
	OnRoutineEnd string `toml:"on_routine_end"`
	OnCheckin    string `toml:"on_checkin"`
	// TempUnit is how room temperatures are typed and shown: Celsius or
	// Fahrenheit. They are stored in °C either way.
	TempUnit string `toml:"temperature_unit"`
	// Bedding is the short list of bedding choices in the evening log.
	Bedding []Item `toml:"bedding"`
	// Sound is how a routine's cues sound: "chime", "bell" or "off".
	Sound string `toml:"sound"`
	// Voice speaks each cue.
	Voice bool `toml:"voice"`
}

// BeddingLabel is the bedding list's label for id, or id itself for an
// item no longer on the list.
func (s Settings) BeddingLabel(id string) string {
	for _, it := range s.Bedding {
		if it.ID == id {
			return it.Label
		}
	}
	return id
}

// AnsweredBy is the checklist items a dose named name answers: those with
// a taken word found in the name, case aside.
func (s Settings) AnsweredBy(name string) []string {
	n := strings.ToLower(name)
	var ids []string
	for _, it := range s.Checklist {
		for _, w := range it.Taken {
			if w != "" && strings.Contains(n, strings.ToLower(w)) {
				ids = append(ids, it.ID)
				break
			}
		}
	}
	return ids
}

// Sounds are the values the sound setting takes.
var Sounds = []string{"chime", "bell", "off"}

// Label is the checklist label for id, or id itself for an item no longer
// on the list, so old records still read.
func (s Settings) Label(id string) string {
	for _, it := range s.Checklist {
		if it.ID == id {
			return it.Label
		}
	}
	return id
}

// maxSettingsSize is the largest settings file read: a checklist of
// a long checklist fits many times over.
const maxSettingsSize = 1 << 20

// LoadSettings reads the defaults, then the person's file at path over
// them: a day_boundary there replaces the default, a checklist there
// replaces the default list, and each toolkit band there replaces that
// band. A missing file is fine.
func LoadSettings(defaults []byte, path string) (Settings, error) {
	s, err := parseSettings("built-in settings", defaults, Settings{})
	if err != nil {
		return Settings{}, err
	}
	if path == "" {
		return s, nil
	}
	// Only a regular file: a FIFO there would block the open for good.
	data, err := regularfile.Read(path, maxSettingsSize)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return Settings{}, fmt.Errorf("read settings: %w", err)
	}
	s, err = parseSettings(path, data, s)
	if err != nil {
		return Settings{}, &SettingsError{err: err}
	}
	return s, nil
}

// SettingsError is a problem in the settings file. Its message quotes
// what the file says; LogSafe does not.
type SettingsError struct{ err error }

func (e *SettingsError) Error() string { return e.err.Error() }
func (e *SettingsError) Unwrap() error { return e.err }

// LogSafe describes the error without the file's name or contents, for
// the debug log.
func (e *SettingsError) LogSafe() string {
	return fmt.Sprintf("settings file: invalid (%d bytes of message)", len(e.err.Error()))
}

func parseSettings(name string, data []byte, base Settings) (Settings, error) {
	var raw struct {
		Boundary       *int        `toml:"day_boundary"`
		Checklist      *[]Item     `toml:"checklist"`
		Toolkit        *rawToolkit `toml:"toolkit"`
		DefaultRoutine *string     `toml:"default_routine"`
		OnRoutineEnd   *string     `toml:"on_routine_end"`
		OnCheckin      *string     `toml:"on_checkin"`
		TempUnit       *string     `toml:"temperature_unit"`
		Bedding        *[]Item     `toml:"bedding"`
		Sound          *string     `toml:"sound"`
		Voice          *bool       `toml:"voice"`
	}
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		var se *toml.StrictMissingError
		if errors.As(err, &se) && len(se.Errors) > 0 {
			row, col := se.Errors[0].Position()
			return Settings{}, fmt.Errorf("%s:%d:%d: unknown key %q (want day_boundary, default_routine, sound, voice, temperature_unit, on_routine_end, on_checkin, [[checklist]] with id, label, kind and taken, [[bedding]] with id and label, or [[toolkit.mild]], [[toolkit.moderate]] or [[toolkit.severe]] with id, label, routine, minutes and safety)",
				name, row, col, strings.Join(se.Errors[0].Key(), "."))
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return Settings{}, fmt.Errorf("%s:%d:%d: %s", name, row, col, de.Error())
		}
		return Settings{}, fmt.Errorf("%s: %w", name, err)
	}
	s := base
	if raw.Boundary != nil {
		if *raw.Boundary < 0 || *raw.Boundary > 23 {
			return Settings{}, fmt.Errorf("%s: day_boundary: %d is not an hour (0-23)", name, *raw.Boundary)
		}
		s.Boundary = *raw.Boundary
	}
	for _, f := range []struct {
		key string
		val *string
		to  *string
	}{
		{"default_routine", raw.DefaultRoutine, &s.DefaultRoutine},
		{"on_routine_end", raw.OnRoutineEnd, &s.OnRoutineEnd},
		{"on_checkin", raw.OnCheckin, &s.OnCheckin},
	} {
		if f.val == nil {
			continue
		}
		// A command runs through sh and a name is shown: neither may
		// carry control characters or run over lines.
		if err := termsafe.Check(*f.val, false); err != nil {
			return Settings{}, fmt.Errorf("%s: %s: %v", name, f.key, err)
		}
		*f.to = strings.TrimSpace(*f.val)
	}
	if raw.TempUnit != nil {
		switch u := strings.ToUpper(*raw.TempUnit); u {
		case Celsius, Fahrenheit:
			s.TempUnit = u
		default:
			return Settings{}, fmt.Errorf("%s: temperature_unit: %q: want \"C\" or \"F\"", name, *raw.TempUnit)
		}
	}
	if raw.Bedding != nil {
		if err := checkBedding(name, *raw.Bedding); err != nil {
			return Settings{}, err
		}
		s.Bedding = slices.Clone(*raw.Bedding)
	}
	if raw.Sound != nil {
		if !slices.Contains(Sounds, *raw.Sound) {
			return Settings{}, fmt.Errorf("%s: sound: %q: want \"chime\", \"bell\" or \"off\"", name, termsafe.Line(*raw.Sound))
		}
		s.Sound = *raw.Sound
	}
	if raw.Voice != nil {
		s.Voice = *raw.Voice
	}
	if raw.Checklist != nil {
		if n := len(*raw.Checklist); n > MaxTags {
			return Settings{}, fmt.Errorf("%s: checklist: %d items; at most %d", name, n, MaxTags)
		}
		seen := map[string]bool{}
		for i, it := range *raw.Checklist {
			switch {
			case !ValidID(it.ID):
				return Settings{}, fmt.Errorf("%s: checklist[%d].id: %q: use lower-case letters, digits and -", name, i+1, it.ID)
			case it.Label == "":
				return Settings{}, fmt.Errorf("%s: checklist[%d].label: missing", name, i+1)
			case termsafe.Check(it.Label, false) != nil:
				return Settings{}, fmt.Errorf("%s: checklist[%d].label: %v", name, i+1, termsafe.Check(it.Label, false))
			case it.ID == "routine":
				return Settings{}, fmt.Errorf("%s: checklist[%d].id: \"routine\" is kept for the routine itself; choose another id", name, i+1)
			case seen[it.ID]:
				return Settings{}, fmt.Errorf("%s: checklist[%d].id: %q is listed twice", name, i+1, it.ID)
			case it.Kind != "" && it.Kind != Trigger && it.Kind != Remedy:
				return Settings{}, fmt.Errorf("%s: checklist[%d].kind: %q: want \"trigger\" or \"remedy\"", name, i+1, it.Kind)
			case slices.ContainsFunc(it.Taken, func(w string) bool { return strings.TrimSpace(w) == "" || termsafe.Check(w, false) != nil }):
				return Settings{}, fmt.Errorf("%s: checklist[%d].taken: each word must be plain text, not empty", name, i+1)
			}
			seen[it.ID] = true
		}
		s.Checklist = make([]Item, len(*raw.Checklist))
		for i, it := range *raw.Checklist {
			it.Kind = it.KindOrDefault()
			s.Checklist[i] = it
		}
	}
	if raw.Toolkit != nil {
		k, err := raw.Toolkit.over(name, s.Toolkit)
		if err != nil {
			return Settings{}, err
		}
		s.Toolkit = k
	}
	return s, nil
}

// checkBedding checks a bedding list as the checklist is checked.
func checkBedding(name string, items []Item) error {
	if len(items) > MaxTags {
		return fmt.Errorf("%s: bedding: %d items; at most %d", name, len(items), MaxTags)
	}
	seen := map[string]bool{}
	for i, it := range items {
		switch {
		case !ValidID(it.ID):
			return fmt.Errorf("%s: bedding[%d].id: %q: use lower-case letters, digits and -", name, i+1, it.ID)
		case it.Label == "":
			return fmt.Errorf("%s: bedding[%d].label: missing", name, i+1)
		case termsafe.Check(it.Label, false) != nil:
			return fmt.Errorf("%s: bedding[%d].label: %v", name, i+1, termsafe.Check(it.Label, false))
		case it.Kind != "" || len(it.Taken) > 0:
			return fmt.Errorf("%s: bedding[%d]: only id and label", name, i+1)
		case seen[it.ID]:
			return fmt.Errorf("%s: bedding[%d].id: %q is listed twice", name, i+1, it.ID)
		}
		seen[it.ID] = true
	}
	return nil
}
